import { useEffect, useId, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ApiError, BackupEntry, BackupStatus } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { refusalText } from '../api/error-text';
import { useChannel, useInvalidate, useMutation } from '../api/query';
import { RegisterTable } from '../components/register-table';
import { ApiErrorAlert, DetailedErrorAlert, SuccessNotice } from '../components/messages';
import { TextField } from '../components/text-field';
import { fieldMessage, validateInput } from '../forms/field-errors';
import { useFormSubmit } from '../forms/use-form-submit';
import { useLanguageStore } from '../i18n/language-store';
import { formatMegabytes, formatMoment } from '../lib/format';
import { useT } from '../i18n/use-t';
import { applyStatus } from '../session/session-actions';
import { BackupLeftovers } from './backup-leftovers';
import { BackupRunning } from './backup-progress';

const FIELDS = ['folder', 'keep'] as const;

function SettingsForm({ status }: { status: BackupStatus }) {
  const t = useT();
  const [folder, setFolder] = useState(status.folder);
  const [keep, setKeep] = useState(String(status.keep));
  const [saved, setSaved] = useState(false);
  const { formRef, errors, apiError, busy, submit } = useFormSubmit(FIELDS);
  // The answer is the new status: the panel takes it without asking again.
  const saveSettings = useMutation('backup:settings', undefined, (_input, next) => [[['backup:status', {}], next]]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setSaved(false);
    const input = { folder, keep: keep.trim() === '' ? Number.NaN : Number(keep.trim()) };
    void submit(validateInput('backup:settings', input, FIELDS), async () => {
      const next = await saveSettings(input);
      setFolder(next.folder);
      setKeep(String(next.keep));
      setSaved(true);
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <TextField
        name="folder"
        label={t('backup.folder')}
        hint={t('backup.folder_hint')}
        value={folder}
        onChange={setFolder}
        error={fieldMessage(t, errors, 'folder')}
        spellCheck={false}
      />
      <TextField
        name="keep"
        type="number"
        inputMode="numeric"
        label={t('backup.keep')}
        value={keep}
        onChange={setKeep}
        error={fieldMessage(t, errors, 'keep')}
        className="field-short"
      />
      <DetailedErrorAlert error={apiError} />
      {saved ? <SuccessNotice>{t('backup.saved')}</SuccessNotice> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('app.busy') : t('backup.save')}
        </button>
      </div>
    </form>
  );
}

/** Asks before a restore: the loss of later work and the lock are spelled out, and must be acknowledged. */
function RestoreConfirm({ entry, busy, onConfirm, onCancel }: { entry: BackupEntry; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [understood, setUnderstood] = useState(false);
  const titleId = useId();
  const checkId = useId();
  const checkRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    checkRef.current?.focus();
  }, []);
  const date = formatMoment(entry.createdAt, language);
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={titleId}>
        <strong>{t('backup.restore_title', { date })}</strong>
      </p>
      <p>{t('backup.restore_warning', { date })}</p>
      <p>{t('backup.restore_unlock_note')}</p>
      <div className="checkbox">
        <input ref={checkRef} id={checkId} type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
        <div>
          <label htmlFor={checkId}>{t('backup.restore_understand', { date })}</label>
        </div>
      </div>
      <button type="button" className="button-danger" disabled={busy || !understood} onClick={onConfirm}>
        {busy ? t('app.busy') : t('backup.restore_yes')}
      </button>
      <button type="button" className="button-secondary" disabled={busy} onClick={onCancel}>
        {t('backup.cancel')}
      </button>
    </div>
  );
}

function BackupList({ status }: { status: BackupStatus }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const createBackup = useMutation('backup:create', () => [['backup:status'], ['backup:leftovers']]);

  const run = (action: () => Promise<string | null>): void => {
    setBusy(true);
    setError(null);
    setNotice(null);
    action().then(
      (message) => {
        setBusy(false);
        setNotice(message);
      },
      (thrown: unknown) => {
        setBusy(false);
        setError(toApiError(thrown));
      },
    );
  };

  const backUpNow = (): void =>
    run(async () => {
      const entry = await createBackup({});
      return t('backup.created', { date: formatMoment(entry.createdAt, language) });
    });

  const verify = (entry: BackupEntry): void =>
    run(async () => {
      const result = await call('backup:verify', { fileName: entry.fileName });
      return t('backup.verified', { date: formatMoment(entry.createdAt, language), rows: result.rows, head: result.auditHead.sequence });
    });

  const restore = (entry: BackupEntry): void =>
    run(async () => {
      // The app locks afterwards; applying the status clears the whole unlocked UI.
      const status = await call('backup:restore', { fileName: entry.fileName });
      setRestoring(null);
      applyStatus(status);
      return null;
    });

  return (
    <>
      <div className="actions">
        <button type="button" disabled={busy} onClick={backUpNow}>
          {busy ? t('app.busy') : t('backup.now')}
        </button>
      </div>
      <DetailedErrorAlert error={error} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {status.backups.length === 0 ? (
        <p>{t('backup.none')}</p>
      ) : (
        <RegisterTable
          caption={t('backup.list_caption', { count: status.backups.length })}
          rows={status.backups}
          rowKey={(entry) => entry.fileName}
          columns={[
            { header: t('backup.col_date'), cell: (entry) => formatMoment(entry.createdAt, language) },
            { header: t('backup.col_size'), cell: (entry) => formatMegabytes(entry.sizeBytes, language) },
            { header: t('backup.col_head'), cell: (entry) => entry.auditHead.sequence },
          ]}
          actions={{
            header: t('backup.col_actions'),
            cell: (entry) => {
              const date = formatMoment(entry.createdAt, language);
              return restoring === entry.fileName ? (
                <RestoreConfirm entry={entry} busy={busy} onConfirm={() => restore(entry)} onCancel={() => setRestoring(null)} />
              ) : (
                <>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={busy}
                    aria-label={t('backup.verify_label', { date })}
                    onClick={() => verify(entry)}
                  >
                    {t('backup.verify')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button-danger"
                    disabled={busy}
                    aria-label={t('backup.restore_label', { date })}
                    onClick={() => setRestoring(entry.fileName)}
                  >
                    {t('backup.restore')}
                  </button>
                </>
              );
            },
          }}
        />
      )}
    </>
  );
}

function LastAutomatic({ status }: { status: BackupStatus }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const last = status.lastAutomatic;
  if (!last) return <p>{t('backup.auto_none')}</p>;
  const date = formatMoment(last.at, language);
  if (last.ok) return <p>{t('backup.auto_ok', { date })}</p>;
  // The stored message is English for developers: only the reason is said, in the user's language.
  const why = last.reason === undefined ? null : refusalText(t, language, last.reason);
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('backup.auto_failed', { date })}</p>
      {why ? <p className="error-detail">{why}</p> : null}
    </div>
  );
}

/** Backups of the database and key file: folder, how many to keep, back up now, verify, restore, the automatic one's progress and left-over files. Administrators only. */
export function BackupPanel() {
  const t = useT();
  const titleId = useId();
  const loaded = useChannel('backup:status', {});
  const invalidate = useInvalidate();
  const status = loaded.data;

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <ApiErrorAlert error={loaded.error} />
      {status ? (
        <>
          <BackupRunning onFinished={() => invalidate(['backup:status', {}], ['backup:leftovers', {}])} />
          <LastAutomatic status={status} />
          <SettingsForm status={status} />
          <BackupList status={status} />
          <BackupLeftovers />
        </>
      ) : loaded.error === null ? (
        <p role="status">{t('backup.loading')}</p>
      ) : null}
    </section>
  );
}
