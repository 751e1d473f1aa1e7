import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';

interface ConfirmInlineProps {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}

/**
 * A question asked in place of the button that raised it. The confirm button takes focus, and
 * Escape cancels (without also leaving the case).
 */
export function ConfirmInline({ message, confirmLabel, onConfirm, onCancel, busy = false, danger = false }: ConfirmInlineProps) {
  const t = useT();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, []);
  return (
    <div
      className="confirm"
      role="group"
      aria-label={message}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p>{message}</p>
      <button ref={confirmRef} type="button" className={danger ? 'button-danger' : undefined} disabled={busy} onClick={onConfirm}>
        {busy ? t('app.busy') : confirmLabel}
      </button>
      <button type="button" className="button-secondary" disabled={busy} onClick={onCancel}>
        {t('casework.cancel')}
      </button>
    </div>
  );
}
