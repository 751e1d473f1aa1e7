import { useEffect, useRef, useState } from 'react';
import type { BackupProgress } from '../../../core/contract';
import { call } from '../api/client';
import { useT } from '../i18n/use-t';

/** How often a running backup is asked about: often enough for the percentage to move. */
const POLL_MS = 1000;

/**
 * The automatic backup running on its own thread: "Säkerhetskopiering pågår … N %" while it runs,
 * asked again every second; when it ends, `onFinished` reloads the list. Shows nothing otherwise.
 */
export function BackupRunning({ onFinished }: { onFinished: () => void }) {
  const t = useT();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasRunning = false;
    const ask = (): void => {
      call('backup:progress', {}).then(
        (p) => {
          if (!alive) return;
          setProgress(p);
          if (p.running) {
            wasRunning = true;
            timer = setTimeout(ask, POLL_MS);
          } else if (wasRunning) {
            finished.current();
          }
        },
        // The panel's own status shows what is wrong; the progress line just stays away.
        () => undefined,
      );
    };
    ask();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, []);

  if (!progress?.running) return null;
  return <p role="status">{t('backup.running', { percent: progress.running.percent })}</p>;
}
