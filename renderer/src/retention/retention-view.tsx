import { Fragment, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError, RetentionManualItem, RetentionPreview, RetentionPurgeResult, Role } from '../../../core/contract';
import { RETENTION_KEEP_REASONS } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { useQuery } from '../api/query';
import { formatDay, formatMoment } from '../lib/format';
import { ApiErrorAlert, DetailedErrorAlert, ErrorAlert, SuccessNotice } from '../components/messages';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { ViewHeading } from '../components/view-heading';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';

const loadPreview = (): Promise<RetentionPreview> => call('retention:preview', {});

function Rules({ preview }: { preview: RetentionPreview }) {
  const t = useT();
  const titleId = useId();
  const { rules } = preview;
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('retention.rules_title')}</h2>
      <ul>
        {rules.researchMunicipality ? <li>{t('retention.rule_research')}</li> : null}
        <li>{t('retention.rule_years', { years: rules.retentionYears })}</li>
        <li>{t(rules.retentionKeepBirthDays ? 'retention.rule_birth_days_on' : 'retention.rule_birth_days_off')}</li>
      </ul>
      <p className="muted">{t('retention.rules_admin')}</p>
    </section>
  );
}

function PurgeTable({ preview }: { preview: RetentionPreview }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('retention.purge_title', { count: preview.purge.length })}</h2>
      {preview.purge.length === 0 ? (
        <p>{t('retention.purge_none')}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('retention.col_case')}</th>
                <th scope="col">{t('retention.col_closed')}</th>
                <th scope="col">{t('retention.col_last_entry')}</th>
                <th scope="col">{t('retention.col_due')}</th>
                <th scope="col">{t('retention.col_deadline')}</th>
                <th scope="col">{t('retention.col_note')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.purge.map((c) => (
                <tr key={c.caseNumber}>
                  <th scope="row">{c.caseNumber}</th>
                  <td>{c.closedAt === null ? '–' : formatDay(c.closedAt, language)}</td>
                  <td>{formatDay(c.lastEntryAt, language)}</td>
                  <td>{formatDay(c.dueAt, language)}</td>
                  <td>{formatDay(c.deadline, language)}</td>
                  <td>
                    {c.overdue ? <span className="badge badge-overdue">{t('retention.overdue')}</span> : null}
                    {c.decided ? <span className="badge">{t('retention.decided_purge')}</span> : null}
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

function DecisionForm({ item, onDecided }: { item: RetentionManualItem; onDecided: (preview: RetentionPreview, caseNumber: string) => void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const id = useId();
  const [decision, setDecision] = useState<'keep' | 'purge' | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [unchosen, setUnchosen] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setUnchosen(decision === null);
    if (decision === null) return;
    setBusy(true);
    setError(null);
    try {
      onDecided(await call('retention:decide', { caseNumber: item.caseNumber, decision, comment }), item.caseNumber);
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset>
          <legend>{t('retention.decide', { case: item.caseNumber })}</legend>
          <ul>
            {item.reasons.map((reason) => (
              <li key={reason}>{t(`retention.reason.${reason}`)}</li>
            ))}
          </ul>
          <p className="muted">
            {t('retention.col_due')}: {formatDay(item.dueAt, language)} · {t('retention.col_deadline')}: {formatDay(item.deadline, language)}
            {item.overdue ? <span className="badge badge-overdue">{t('retention.overdue')}</span> : null}
          </p>
          {(['keep', 'purge'] as const).map((value) => (
            <div className="checkbox" key={value}>
              <input
                id={`${id}-${value}`}
                type="radio"
                name={`decision-${item.caseNumber}`}
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
              />
              <label htmlFor={`${id}-${value}`}>{t(value === 'keep' ? 'retention.decide_keep' : 'retention.decide_purge')}</label>
            </div>
          ))}
          <TextAreaField
            name="comment"
            label={t('retention.decide_comment')}
            hint={t('retention.decide_comment_hint')}
            value={comment}
            onChange={setComment}
            rows={2}
          />
        </fieldset>
        {unchosen ? <ErrorAlert>{t('retention.decide_choose')}</ErrorAlert> : null}
        <DetailedErrorAlert error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('app.busy') : t('retention.decide_submit')}
          </button>
        </div>
      </form>
    </li>
  );
}

function ManualList({
  preview,
  canDecide,
  onDecided,
}: {
  preview: RetentionPreview;
  canDecide: boolean;
  onDecided: (preview: RetentionPreview, caseNumber: string) => void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const titleId = useId();
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('retention.manual_title', { count: preview.manual.length })}</h2>
      {preview.manual.length === 0 ? (
        <p>{t('retention.manual_none')}</p>
      ) : canDecide ? (
        <>
          <p>{t('retention.manual_intro')}</p>
          <ul className="retention-decisions">
            {preview.manual.map((item) => (
              <DecisionForm key={item.caseNumber} item={item} onDecided={onDecided} />
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t('retention.decide_lead_only')}</p>
          <div className="table-scroll">
            <table aria-labelledby={titleId}>
              <thead>
                <tr>
                  <th scope="col">{t('retention.col_case')}</th>
                  <th scope="col">{t('retention.col_reasons')}</th>
                  <th scope="col">{t('retention.col_due')}</th>
                  <th scope="col">{t('retention.col_deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.manual.map((item) => (
                  <tr key={item.caseNumber}>
                    <th scope="row">{item.caseNumber}</th>
                    <td>{item.reasons.map((reason) => t(`retention.reason.${reason}`)).join('; ')}</td>
                    <td>{formatDay(item.dueAt, language)}</td>
                    <td>{formatDay(item.deadline, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function KeptCounts({ preview }: { preview: RetentionPreview }) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('retention.kept_title')}</h2>
      <dl className="facts">
        {RETENTION_KEEP_REASONS.map((reason) => (
          <Fragment key={reason}>
            <dt>{t(`retention.kept.${reason}`)}</dt>
            <dd>{preview.kept[reason]}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/** The team lead's confirmation: the number of cases typed out, then exactly the listed case numbers are sent. */
function ConfirmPurge({
  preview,
  onPurged,
  onChanged,
}: {
  preview: RetentionPreview;
  onPurged: (result: RetentionPurgeResult) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const count = preview.purge.length;
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== String(count)) {
      setFieldError(t('retention.confirm_count_wrong', { count: String(count) }));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    setError(null);
    try {
      onPurged(await call('retention:purge', { caseNumbers: preview.purge.map((c) => c.caseNumber), confirm: true }));
    } catch (thrown) {
      const apiError = toApiError(thrown);
      if (apiError.code === 'not_allowed') onChanged();
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="subsection" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('retention.confirm_title')}</h2>
      <p>{t('retention.confirm_intro')}</p>
      <p>{t('retention.confirm_backups')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          name="confirmCount"
          inputMode="numeric"
          label={t('retention.confirm_count', { count: String(count) })}
          value={typed}
          onChange={setTyped}
          error={fieldError}
          className="field-short"
          autoComplete="off"
        />
        <ApiErrorAlert error={error} />
        <div className="actions">
          <button type="submit" className="button-danger" disabled={busy}>
            {busy ? t('app.busy') : t('retention.confirm_submit', { count })}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Gallring: what the rules would purge today, flagged cases to decide, and the team lead's confirmed purge. */
export function RetentionView({ role }: { role: Role }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const loaded = useQuery(['retention:preview', {}], loadPreview);
  const [decided, setDecided] = useState<RetentionPreview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const preview = decided ?? loaded.data;
  const isLead = role === 'team_lead';

  const reload = (): void => {
    setDecided(null);
    loaded.reload();
  };

  return (
    <section className="view">
      <ViewHeading>{t('retention.title')}</ViewHeading>
      <p>{t('retention.intro')}</p>
      <ApiErrorAlert error={loaded.error} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {changed ? <ErrorAlert>{t('retention.purge_changed')}</ErrorAlert> : null}
      {preview === null ? (
        loaded.error === null ? (
          <p role="status">{t('retention.loading')}</p>
        ) : null
      ) : (
        <>
          <p className="muted">
            {t('retention.generated', { date: formatMoment(preview.generatedAt, language) })}{' '}
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                setChanged(false);
                reload();
              }}
              disabled={loaded.loading}
            >
              {t('retention.reload')}
            </button>
          </p>
          <Rules preview={preview} />
          <PurgeTable preview={preview} />
          <ManualList
            preview={preview}
            canDecide={isLead}
            onDecided={(next, caseNumber) => {
              setDecided(next);
              setChanged(false);
              setNotice(t('retention.decided', { case: caseNumber }));
            }}
          />
          <KeptCounts preview={preview} />
          {preview.purge.length === 0 ? null : isLead ? (
            <ConfirmPurge
              key={preview.generatedAt}
              preview={preview}
              onPurged={(result) => {
                setChanged(false);
                setNotice(result.compacted ? t('retention.purged', { count: result.purged }) : t('retention.purged_not_compacted'));
                reload();
              }}
              onChanged={() => {
                setNotice(null);
                setChanged(true);
                reload();
              }}
            />
          ) : (
            <p>{t('retention.confirm_lead_only')}</p>
          )}
        </>
      )}
    </section>
  );
}
