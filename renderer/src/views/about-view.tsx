import { APP_VERSION } from '../app-version';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';

/** Name, version, purpose and data credits. Addresses are plain text: Fristad loads nothing remote. */
export function AboutView() {
  const t = useT();
  return (
    <section className="view">
      <ViewHeading>{t('about.title')}</ViewHeading>
      <p className="lead">
        <strong>{t('app.name')}</strong>
      </p>
      <p>{APP_VERSION ? t('about.version', { version: APP_VERSION }) : t('about.version_unknown')}</p>
      <p>{t('about.what')}</p>
      <p>{t('about.offline')}</p>
      <h2>{t('about.credits_title')}</h2>
      <ul className="credits">
        <li>{t('about.credit_geonames')}</li>
        <li>{t('about.credit_scb')}</li>
        <li>{t('about.credit_stockholm')}</li>
        <li>{t('about.credit_svenska_stader')}</li>
      </ul>
    </section>
  );
}
