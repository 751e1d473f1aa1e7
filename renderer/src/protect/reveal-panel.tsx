import { useEffect, useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { CaseReveal } from '../../../core/contract';
import { maskedCaseKeys } from '../api/case-queries';
import { useInvalidate, useMutation } from '../api/query';
import { FormFooter } from '../components/form-footer';
import { SuccessNotice } from '../components/messages';
import { TextAreaField } from '../components/text-area-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { installCopyGuard } from './copy-guard';

const FIELDS = ['reason'] as const;

/** Minutes left until a time, ticking every few seconds; 0 when it has passed. */
function useMinutesLeft(until: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [until]);
  if (until === null) return 0;
  return Math.max(0, Math.floor((Date.parse(until) - now) / 60_000));
}

function RevealForm({ caseId, onRevealed, onCancel }: { caseId: number; onRevealed: () => void; onCancel: () => void }) {
  const t = useT();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const form = useFormSubmit(FIELDS);
  const { formRef, errors, submit } = form;
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const reveal = useMutation('cases:reveal', (sent) => maskedCaseKeys(sent.caseId));
  useEffect(() => areaRef.current?.focus(), []);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const input = { caseId, reason };
    void submit(validateInput('cases:reveal', input, FIELDS), async () => {
      await reveal(input);
      onRevealed();
    });
  };

  return (
    <form ref={formRef} className="reveal-form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId} className="reveal-title">
        {t('protect.reveal_title')}
      </h2>
      <TextAreaField
        ref={areaRef}
        name="reason"
        label={t('protect.reveal_reason')}
        hint={t('protect.reveal_reason_hint')}
        value={reason}
        onChange={setReason}
        required
        error={fieldMessage(t, errors, 'reason')}
      />
      <FormFooter form={form} submitLabel={t('protect.reveal_submit_plain')} cancelLabel={t('protect.cancel')} onCancel={onCancel} />
    </form>
  );
}

/**
 * The state of a protected case's masked fields in its header: hidden, with a way to reveal them
 * (with a reason), or revealed with the minutes left. When the time is up it invalidates the case,
 * so the worker's masks replace what was shown.
 */
export function RevealPanel({ caseId, reveal }: { caseId: number; reveal: CaseReveal }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<'revealed' | 'remasked' | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const minutes = useMinutesLeft(reveal.revealedUntil);
  const wasRevealed = useRef(false);
  const invalidate = useInvalidate();

  useEffect(() => (reveal.protected ? installCopyGuard(document, () => t('protect.masked')) : undefined), [reveal.protected, t]);

  useEffect(() => {
    if (reveal.revealedUntil === null) return;
    // Capped: browsers fire a timeout beyond 2^31 ms at once.
    const timer = setTimeout(
      () => invalidate(...maskedCaseKeys(caseId)),
      Math.min(2 ** 31 - 1, Math.max(0, Date.parse(reveal.revealedUntil) - Date.now()) + 250),
    );
    return () => clearTimeout(timer);
  }, [reveal.revealedUntil, invalidate, caseId]);

  useEffect(() => {
    if (!reveal.masked) wasRevealed.current = true;
    else if (wasRevealed.current) {
      wasRevealed.current = false;
      setNotice('remasked');
    }
  }, [reveal.masked]);

  if (!reveal.protected) return null;

  if (!reveal.masked && reveal.revealedUntil !== null) {
    const time = new Date(reveal.revealedUntil).toLocaleTimeString(language === 'sv' ? 'sv-SE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    return (
      <div className="reveal-panel reveal-panel-open no-print">
        {notice === 'revealed' ? <SuccessNotice>{t('protect.revealed_now')}</SuccessNotice> : null}
        <p className="alert alert-warning">{minutes > 0 ? t('protect.revealed_until', { time, minutes }) : t('protect.revealed_until_short', { time })}</p>
      </div>
    );
  }

  return (
    <div className="reveal-panel no-print">
      {notice === 'remasked' ? <p role="status">{t('protect.remasked')}</p> : null}
      <p>{t('protect.notice_masked')}</p>
      {open ? (
        <RevealForm
          caseId={caseId}
          onRevealed={() => {
            setOpen(false);
            setNotice('revealed');
          }}
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => buttonRef.current?.focus());
          }}
        />
      ) : (
        <div className="actions">
          <button ref={buttonRef} type="button" className="button-secondary" onClick={() => setOpen(true)}>
            {t('protect.reveal')}
          </button>
        </div>
      )}
    </div>
  );
}
