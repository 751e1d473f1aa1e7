import { useState } from 'react';
import { RecoverScreen } from './recover-screen';
import { UnlockScreen } from './unlock-screen';

/** While locked: unlocking, or recovering a forgotten passphrase with the recovery key. */
export function LockedScreens() {
  const [recovering, setRecovering] = useState(false);
  return recovering ? <RecoverScreen onBack={() => setRecovering(false)} /> : <UnlockScreen onForgot={() => setRecovering(true)} />;
}
