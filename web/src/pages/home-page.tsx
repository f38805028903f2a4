// Landing page: what the Center does, what "phi địa giới hành chính" means, and where to go next.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AREAS } from '../areas.ts';
import { useDocumentTitle } from '../layout/use-document-title.ts';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle();
  const citizenAreas = AREAS.filter((area) => !area.staff);
  const staffAreas = AREAS.filter((area) => area.staff);
  const steps = [
    { title: t('home.step1Title'), text: t('home.step1') },
    { title: t('home.step2Title'), text: t('home.step2') },
    { title: t('home.step3Title'), text: t('home.step3') },
  ];

  return (
    <div className="home" data-testid="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p className="hero-actions">
          <Link className="button button-primary" to="/thu-tuc">{t('home.step1Title')}</Link>
          <Link className="button" to="/tra-cuu">{t('nav.lookup')}</Link>
        </p>
      </section>

      <section className="card callout" aria-labelledby="location-free-title">
        <h2 id="location-free-title">{t('home.locationFreeTitle')}</h2>
        <p>{t('home.locationFree')}</p>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step.title} className="card">
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="citizen-title">
        <h2 id="citizen-title">{t('home.citizenTitle')}</h2>
        <ul className="tiles">
          {citizenAreas.map((area) => (
            <li key={area.key}>
              <Link className="tile" to={area.path}>
                <span className="tile-title">{t(`nav.${area.key}`)}</span>
                <span className="tile-text">{t(`area.${area.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t('home.staffTitle')}</h2>
        <p className="muted">{t('home.staffNote')}</p>
        <ul className="staff-links">
          {staffAreas.map((area) => (
            <li key={area.key}>
              <Link className="button" to={area.path}>{t(`nav.${area.key}`)}</Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
