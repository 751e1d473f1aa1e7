import { Fragment, useEffect } from 'react';
import { useLanguageStore } from './i18n/language-store';
import { makeTranslator } from './i18n/translate';
import { LoadingScreen } from './screens/loading-screen';
import { LockedScreens } from './screens/locked-screens';
import { RecoveryKeyScreen } from './screens/recovery-key-screen';
import { SetupScreen } from './screens/setup-screen';
// Registers the handler that returns to the unlock screen when the API reports 'locked'.
import './session/session-actions';
import { useSessionStore } from './session/session-store';
import { MainShell } from './shell/main-shell';

function CurrentScreen() {
  const status = useSessionStore((state) => state.status);
  const recoveryKey = useSessionStore((state) => state.recoveryKey);
  if (status === null) return <LoadingScreen />;
  if (recoveryKey !== null) return <RecoveryKeyScreen recoveryKey={recoveryKey} />;
  switch (status.state) {
    case 'new':
      return <SetupScreen />;
    case 'locked':
      return <LockedScreens />;
    case 'unlocked':
      // An unlocked status without a user would be an API bug; treat it as locked rather than guess.
      return status.user ? <MainShell user={status.user} /> : <LockedScreens />;
  }
}

/** Routes on the session state. The whole tree is keyed on the session epoch, so ending a session drops every form and view. */
export function App() {
  const epoch = useSessionStore((state) => state.epoch);
  const language = useLanguageStore((state) => state.language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = makeTranslator(language)('app.name');
  }, [language]);

  return (
    <Fragment key={epoch}>
      <CurrentScreen />
    </Fragment>
  );
}
