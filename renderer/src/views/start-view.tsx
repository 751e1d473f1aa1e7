import type { SessionUser } from '../../../core/contract';
import { ViewHeading } from '../components/view-heading';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';

/** What this version does, in the order of a case's life. */
const NOW: readonly MessageKey[] = [
  'start.now_cases',
  'start.now_risk',
  'start.now_moves',
  'start.now_housing',
  'start.now_shelters',
  'start.now_kompotten',
  'start.now_support',
  'start.now_journal',
  'start.now_reminders',
  'start.now_reports',
  'start.now_admin',
];

/** A short, honest welcome: what Fristad is for, and what this version does. */
export function StartView({ user }: { user: SessionUser }) {
  const t = useT();
  return (
    <section className="view">
      <ViewHeading>{t('start.title', { name: user.displayName })}</ViewHeading>
      <p className="lead">{t('start.purpose')}</p>
      <p>{t('start.now_intro')}</p>
      <ul>
        {NOW.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p className="alert alert-info">{t('start.lock_reminder')}</p>
    </section>
  );
}
