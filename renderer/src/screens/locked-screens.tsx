import { useState } from 'react';
import { RecoverScreen } from './recover-screen';
import { RestoreDamagedScreen } from './restore-damaged-screen';
import { UnlockScreen } from './unlock-screen';

/** While locked: unlocking, recovering a forgotten passphrase with the recovery key, or restoring a damaged database. */
export function LockedScreens() {
  const [screen, setScreen] = useState<'unlock' | 'recover' | 'restore'>('unlock');
  const back = (): void => setScreen('unlock');
  if (screen === 'recover') return <RecoverScreen onBack={back} />;
  if (screen === 'restore') return <RestoreDamagedScreen onBack={back} />;
  return <UnlockScreen onForgot={() => setScreen('recover')} onRestore={() => setScreen('restore')} />;
}
