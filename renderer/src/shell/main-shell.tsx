import { useEffect, useRef } from 'react';
import { IDLE_LOCK_MINUTES_DEFAULT } from '../../../core/contract';
import type { SessionUser } from '../../../core/contract';
import { DemoBanner } from '../components/demo-banner';
import { RollbackBanner } from '../components/rollback-banner';
import { LanguageSwitch } from '../components/language-switch';
import { useT } from '../i18n/use-t';
import { lockAfterIdle, lockByUser } from '../session/session-actions';
import { useSessionStore } from '../session/session-store';
import { useIdleLock } from '../session/use-idle-lock';
import { useLockShortcut } from '../session/use-lock-shortcut';
import { CasesView } from '../casework/cases-view';
import { RemindersView } from '../casework/reminders-view';
import { KompottenView } from '../placement/kompotten-view';
import { SheltersView } from '../placement/shelters-view';
import { ReportsView } from '../reports/reports-view';
import { RetentionView } from '../retention/retention-view';
import { InstrumentsView } from '../risk/instruments-view';
import { AboutView } from '../views/about-view';
import { AuditView } from '../views/audit-view';
import { ReferenceView } from '../views/reference-view';
import { SettingsView } from '../views/settings-view';
import { StartView } from '../views/start-view';
import { UsersView } from '../views/users-view';
import { navigateTo, useNavigationStore } from './navigation-store';
import { visibleViews } from './views';
import type { ViewId } from './views';

function ViewContent({ view, user }: { view: ViewId; user: SessionUser }) {
  switch (view) {
    case 'start':
      return <StartView user={user} />;
    case 'cases':
      return <CasesView user={user} />;
    case 'reminders':
      return <RemindersView user={user} />;
    case 'shelters':
      return <SheltersView />;
    case 'kompotten':
      return <KompottenView />;
    case 'instruments':
      return <InstrumentsView />;
    case 'reports':
      return <ReportsView />;
    case 'retention':
      return <RetentionView role={user.role} />;
    case 'reference':
      return <ReferenceView />;
    case 'audit':
      return <AuditView />;
    case 'users':
      return <UsersView user={user} />;
    case 'settings':
      return <SettingsView user={user} />;
    case 'about':
      return <AboutView />;
  }
}

/** Everything shown while unlocked. It unmounts on lock, which drops all of its state. */
export function MainShell({ user }: { user: SessionUser }) {
  const t = useT();
  const teamName = useSessionStore((state) => state.status?.teamName ?? null);
  const idleLockMinutes = useSessionStore((state) => state.status?.idleLockMinutes ?? null);
  const view = useNavigationStore((state) => state.view);
  const navigations = useNavigationStore((state) => state.serial);
  const mainRef = useRef<HTMLElement>(null);
  const views = visibleViews(user.role);
  const current = views.includes(view) ? view : 'start';

  useLockShortcut(lockByUser);
  useIdleLock(idleLockMinutes ?? IDLE_LOCK_MINUTES_DEFAULT, lockAfterIdle);

  // After each navigation, move focus to the view's heading so screen readers announce where the user is.
  useEffect(() => {
    if (navigations === 0) return;
    const heading = mainRef.current?.querySelector('h1');
    if (heading instanceof HTMLElement) heading.focus();
  }, [navigations]);

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('app.skip_to_content')}
      </button>
      <header className="shell-header">
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {teamName ? <span className="brand-team">{teamName}</span> : null}
        </p>
        <p className="shell-user">{t('shell.user', { name: user.displayName, role: t(`role.${user.role}`) })}</p>
        <LanguageSwitch className="field-inline" />
        <button type="button" className="lock-button" onClick={lockByUser} title={t('shell.lock_shortcut')} aria-keyshortcuts="Control+L Meta+L">
          {t('shell.lock')}
        </button>
      </header>
      <DemoBanner />
      <RollbackBanner />
      <div className="shell-body">
        <nav className="shell-nav" aria-label={t('shell.nav_label')}>
          <ul>
            {views.map((id) => (
              <li key={id}>
                <button type="button" aria-current={id === current ? 'page' : undefined} onClick={() => navigateTo(id)}>
                  {t(`nav.${id}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="shell-main" ref={mainRef} tabIndex={-1}>
          <ViewContent view={current} user={user} />
        </main>
      </div>
    </div>
  );
}
