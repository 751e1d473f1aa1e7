import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError, Leftover } from '../../../core/contract';
import { toApiError } from '../api/client';
import { useChannel, useMutation } from '../api/query';
import { ApiErrorAlert, DetailedErrorAlert, SuccessNotice } from '../components/messages';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { formatMegabytes, formatMoment } from '../lib/format';

/** Asks before removing the copy from before a restore: only once the restored data is confirmed. */
function ConfirmRemoval({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const [confirmed, setConfirmed] = useState(false);
  const titleId = useId();
  const checkId = useId();
  const checkRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    checkRef.current?.focus();
  }, []);
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
        <strong>{t('backup.leftover_confirm_title')}</strong>
      </p>
      <p>{t('backup.leftover_confirm_text')}</p>
      <div className="checkbox">
        <input ref={checkRef} id={checkId} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
        <div>
          <label htmlFor={checkId}>{t('backup.leftover_confirmed')}</label>
        </div>
      </div>
      <button type="button" className="button-danger" disabled={busy || !confirmed} onClick={onConfirm}>
        {busy ? t('app.busy') : t('backup.leftover_remove_yes')}
      </button>
      <button type="button" className="button-secondary" disabled={busy} onClick={onCancel}>
        {t('backup.cancel')}
      </button>
    </div>
  );
}

/** Files earlier restores, stopped backups, upgrades and unfinished set-ups left behind, with size and date; each can be removed. */
export function BackupLeftovers() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  const loaded = useChannel('backup:leftovers', {});
  // The removal answers with the list as it now stands.
  const removeLeftover = useMutation('backup:remove-leftover', undefined, (_input, next) => [[['backup:leftovers', {}], next]]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = loaded.data;

  const remove = (leftover: Leftover): void => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const input = leftover.kind === 'before_restore' ? { name: leftover.name, restoredDataConfirmed: true } : { name: leftover.name };
    removeLeftover(input).then(
      () => {
        setBusy(false);
        setConfirming(null);
        setNotice(t('backup.leftover_removed', { name: leftover.name }));
      },
      (thrown: unknown) => {
        setBusy(false);
        setError(toApiError(thrown));
      },
    );
  };

  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('backup.leftovers_title')}</h3>
      <p>{t('backup.leftovers_intro')}</p>
      <ApiErrorAlert error={loaded.error} />
      <DetailedErrorAlert error={error} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {list === null ? (
        loaded.error === null ? (
          <p role="status">{t('backup.leftovers_loading')}</p>
        ) : null
      ) : list.length === 0 ? (
        <p>{t('backup.leftovers_none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('backup.leftovers_caption', { count: list.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backup.col_file')}</th>
                <th scope="col">{t('backup.col_kind')}</th>
                <th scope="col">{t('backup.col_size')}</th>
                <th scope="col">{t('backup.col_modified')}</th>
                <th scope="col">{t('backup.col_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((leftover) => (
                <tr key={leftover.name}>
                  <td>{leftover.name}</td>
                  <td>{t(`backup.kind_${leftover.kind}`)}</td>
                  <td>{formatMegabytes(leftover.sizeBytes, language)}</td>
                  <td>{formatMoment(leftover.modifiedAt, language)}</td>
                  <td>
                    {confirming === leftover.name ? (
                      <ConfirmRemoval busy={busy} onConfirm={() => remove(leftover)} onCancel={() => setConfirming(null)} />
                    ) : (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={busy}
                        aria-label={t('backup.leftover_remove_label', { name: leftover.name })}
                        onClick={() => (leftover.kind === 'before_restore' ? setConfirming(leftover.name) : remove(leftover))}
                      >
                        {t('backup.leftover_remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
