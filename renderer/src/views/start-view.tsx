import type { SessionUser } from '../../../core/contract';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';

/** A short, honest welcome: what Fristad is for and what this version already does. */
export function StartView({ user }: { user: SessionUser }) {
  const t = useT();
  return (
    <section className="view">
      <ViewHeading>{t('start.title', { name: user.displayName })}</ViewHeading>
      <p className="lead">{t('start.purpose')}</p>
      <p>{t('start.version_note')}</p>
      <ul>
        <li>{t('start.can_users')}</li>
        <li>{t('start.can_settings')}</li>
        <li>{t('start.can_audit')}</li>
        <li>{t('start.can_reference')}</li>
      </ul>
      <p className="alert alert-info">{t('start.lock_reminder')}</p>
    </section>
  );
}
