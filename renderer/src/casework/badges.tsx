import type { ProtectionLevel } from './case-values';
import { useT } from '../i18n/use-t';

/** Protected personal data, impossible to miss: every screen that names the survivor shows it. */
export function ProtectionBadge({ level }: { level: ProtectionLevel }) {
  const t = useT();
  if (level === 'none') return null;
  return (
    <span className={`badge badge-protected badge-${level}`} title={`${t(`protection.${level}`)}. ${t('protection.badge_title')}`}>
      {t(`protection.badge_${level}`)}
    </span>
  );
}

export function HonourBadge({ honourContext }: { honourContext: boolean }) {
  const t = useT();
  return honourContext ? <span className="badge badge-honour">{t('case.honour_badge')}</span> : null;
}

export function StatusBadge({ status }: { status: 'open' | 'closed' }) {
  const t = useT();
  return <span className={`badge badge-status-${status}`}>{t(`case.status_${status}`)}</span>;
}
