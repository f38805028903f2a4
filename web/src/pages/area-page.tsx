// An area that is not built yet: an honest placeholder (title + what will be here), behind sign-in
// for staff areas.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Area } from '../areas.ts';
import { RequireStaff } from '../auth/require-staff.tsx';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export function AreaPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const title = t(`nav.${area.key}`);
  useDocumentTitle(title);

  const placeholder = (
    <section className="page narrow" aria-labelledby="area-title" data-testid={`area-${area.key}`}>
      <p className="badge">{t('placeholder.badge')}</p>
      <h1 id="area-title">{title}</h1>
      <p className="lead">{t(`area.${area.key}`)}</p>
      <p className="muted">{t('placeholder.note')}</p>
      <p>
        <Link to="/">{t('placeholder.back')}</Link>
      </p>
    </section>
  );

  if (!area.staff) return placeholder;
  return (
    <RequireStaff title={title} roles={area.roles}>
      {placeholder}
    </RequireStaff>
  );
}
