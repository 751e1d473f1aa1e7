import { useEffect, useId, useRef, useState } from 'react';
import { call } from '../api/client';
import { useT } from '../i18n/use-t';
import { acknowledgeRecoveryKey } from '../session/session-actions';
import { PublicFrame } from './public-frame';

/**
 * The organisation recovery key, straight after setup. It is never stored in clear, so this is the
 * only time anyone sees it; Continue stays off until the user says it is stored.
 */
/**
 * The key must be printable even if the log cannot record it, so the record is sent (before the
 * print dialog blocks the page) without waiting for or requiring its answer.
 */
function printKey(): void {
  call('audit:record-print', { entity: 'recovery_key' }).catch(() => undefined);
  window.print();
}

export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const [stored, setStored] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const checkboxId = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <PublicFrame>
      <div className="card">
        <section className="print-area" aria-labelledby={`${checkboxId}-title`}>
          <h1 id={`${checkboxId}-title`} ref={headingRef} tabIndex={-1}>
            {t('recovery.title')}
          </h1>
          <p className="alert alert-warning">
            <strong>{t('recovery.once')}</strong>
          </p>
          <p>{t('recovery.why')}</p>
          <p className="no-print">{t('recovery.how')}</p>
          <figure className="recovery-key-box">
            <figcaption>{t('recovery.key_label')}</figcaption>
            <p className="recovery-key" translate="no">
              {recoveryKey}
            </p>
          </figure>
        </section>
        <div className="actions no-print">
          <button type="button" className="button-secondary" onClick={printKey}>
            {t('recovery.print')}
          </button>
        </div>
        <div className="checkbox no-print">
          <input id={checkboxId} type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
          <label htmlFor={checkboxId}>{t('recovery.stored')}</label>
        </div>
        <div className="actions no-print">
          <button type="button" disabled={!stored} onClick={acknowledgeRecoveryKey}>
            {t('recovery.continue')}
          </button>
        </div>
      </div>
    </PublicFrame>
  );
}
