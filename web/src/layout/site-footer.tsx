import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CALENDAR_PATH, FEEDBACK_PATH } from '../areas.ts';
import { HealthStatus } from './health-status.tsx';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <div>
          <p className="footer-center">{t('app.center')}</p>
          <p className="muted-inverse">{t('footer.about')}</p>
        </div>
        <div className="footer-meta">
          <HealthStatus />
          <Link to={CALENDAR_PATH} data-testid="calendar-link">{t('footer.calendar')}</Link>
          <Link to={FEEDBACK_PATH} data-testid="feedback-link">{t('feedback.nav')}</Link>
          {/* A server page, not an app route: plain link so the router does not catch it. */}
          <a href="/api/docs" data-testid="api-docs-link">{t('footer.apiDocs')}</a>
        </div>
      </div>
    </footer>
  );
}
