// Switches between Vietnamese and English. The label is in the language it switches to.
import { useTranslation } from 'react-i18next';
import { isLanguage, setLanguage } from '../i18n/index.ts';

export function LangToggle() {
  const { t } = useTranslation();
  const target = t('lang.toggleLang');
  return (
    <button
      type="button"
      className="button button-ghost lang-toggle"
      data-testid="lang-toggle"
      lang={target}
      onClick={() => {
        if (isLanguage(target)) void setLanguage(target);
      }}
    >
      {t('lang.toggle')}
    </button>
  );
}
