import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "<page> · motcua · <Center name>". */
export function useDocumentTitle(page?: string): void {
  const { t } = useTranslation();
  const center = t('app.center');
  useEffect(() => {
    document.title = page ? `${page} · motcua · ${center}` : `motcua · ${center}`;
  }, [page, center]);
}
