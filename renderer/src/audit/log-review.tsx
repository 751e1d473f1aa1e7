import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  type ApiError,
  type AuditExportFormat,
  type AuditExportInput,
  type AuditFilters,
  type AuditRow,
  type AuditSearchInput,
} from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { describeError } from '../api/error-text';
import { useQuery } from '../api/query';
import { DateField } from '../components/date-field';
import { ErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { isMessageKey } from '../i18n/translate';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { downloadFile } from '../reports/report-export';
import { useAuditLabels } from './audit-labels';
import { printRecorded } from './print';

type Mode = 'search' | 'sample' | 'protected';
type Reviewed = 'any' | 'no' | 'yes';

interface SearchDraft {
  userId: string;
  caseNumber: string;
  action: string;
  from: string;
  to: string;
  outcome: string;
  reviewed: Reviewed;
}

/** What is on screen, and how to ask for it again (more rows, export). */
type Shown =
  | { mode: 'search'; filters: AuditFilters; rows: AuditRow[]; nextBefore: number | null }
  | { mode: 'protected'; filters: { from?: string; to?: string; reviewed?: boolean }; rows: AuditRow[]; nextBefore: number | null }
  | { mode: 'sample'; month: string; size: number; population: number; rows: AuditRow[] };

const PAGE = 100;

/** The month before this one, YYYY-MM: the usual month to sample. */
export function previousMonth(now: Date): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const reviewedOf = (r: Reviewed): boolean | undefined => (r === 'any' ? undefined : r === 'yes');
const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

function filtersOf(d: SearchDraft): AuditFilters {
  const f: AuditFilters = {};
  if (d.userId !== '') f.userId = Number(d.userId);
  const caseNumber = opt(d.caseNumber);
  if (caseNumber !== undefined) f.caseNumber = caseNumber;
  if (d.action !== '') f.actions = [d.action as (typeof AUDIT_ACTIONS)[number]];
  const from = opt(d.from);
  if (from !== undefined) f.from = from;
  const to = opt(d.to);
  if (to !== undefined) f.to = to;
  if (d.outcome !== '') f.outcome = d.outcome as (typeof AUDIT_OUTCOMES)[number];
  const reviewed = reviewedOf(d.reviewed);
  if (reviewed !== undefined) f.reviewed = reviewed;
  return f;
}

function errorLines(t: Translate, error: ApiError): string[] {
  const issues = (error.issues ?? []).map((issue) => {
    const key = `validation.${issue.message}`;
    return isMessageKey(key) ? t(key) : issue.message;
  });
  return [describeError(t, error), ...new Set(issues)];
}

const loadUsers = () => call('audit:users', {});

/** Log review for team leads and auditors: search, a month's sample, protected-case access; mark reviewed, export, print. */
export function LogReview() {
  const t = useT();
  const labels = useAuditLabels();
  const users = useQuery(['audit:users', {}], loadUsers);
  const [mode, setMode] = useState<Mode>('search');
  const [draft, setDraft] = useState<SearchDraft>({ userId: '', caseNumber: '', action: '', from: '', to: '', outcome: '', reviewed: 'any' });
  const [month, setMonth] = useState(() => previousMonth(new Date()));
  const [size, setSize] = useState('20');
  const [protectedDraft, setProtectedDraft] = useState<{ from: string; to: string; reviewed: Reviewed }>({ from: '', to: '', reviewed: 'any' });
  const [shown, setShown] = useState<Shown | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const update = (change: Partial<SearchDraft>) => setDraft((d) => ({ ...d, ...change }));

  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      setNotice(null);
      try {
        await work();
      } catch (thrown) {
        setError(errorLines(t, toApiError(thrown)));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  const fetchRows = async (s: Shown, before?: number): Promise<Shown> => {
    if (s.mode === 'sample') {
      const answer = await call('audit:sample', { month: s.month, size: s.size });
      return { mode: 'sample', month: answer.month, size: answer.size, population: answer.population, rows: answer.rows };
    }
    const page = { limit: PAGE, ...(before === undefined ? {} : { before }) };
    const answer =
      s.mode === 'search'
        ? await call('audit:search', { ...s.filters, ...page } as AuditSearchInput)
        : await call('audit:protected-access', { ...s.filters, ...page });
    return { ...s, rows: before === undefined ? answer.rows : [...s.rows, ...answer.rows], nextBefore: answer.nextBefore };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let next: Shown;
    if (mode === 'search') next = { mode, filters: filtersOf(draft), rows: [], nextBefore: null };
    else if (mode === 'sample') next = { mode, month: month.trim(), size: Number(size), population: 0, rows: [] };
    else {
      const filters: { from?: string; to?: string; reviewed?: boolean } = {};
      const from = opt(protectedDraft.from);
      const to = opt(protectedDraft.to);
      const reviewed = reviewedOf(protectedDraft.reviewed);
      if (from !== undefined) filters.from = from;
      if (to !== undefined) filters.to = to;
      if (reviewed !== undefined) filters.reviewed = reviewed;
      next = { mode, filters, rows: [], nextBefore: null };
    }
    void run(async () => {
      setShown(await fetchRows(next));
      setSelected(new Set());
    });
  };

  const more = () => {
    if (!shown || shown.mode === 'sample' || shown.nextBefore === null) return;
    const before = shown.nextBefore;
    void run(async () => setShown(await fetchRows(shown, before)));
  };

  const mark = () => {
    if (!shown) return;
    if (selected.size === 0) {
      setError([t('logreview.none_selected')]);
      return;
    }
    const seqs = [...selected];
    void run(async () => {
      const { marked } = await call('audit:mark-reviewed', { seqs, comment });
      // Reload what is shown, so the marks (and a "not reviewed" filter) are the database's.
      const base: Shown = shown.mode === 'sample' ? shown : { ...shown, rows: [], nextBefore: null };
      setShown(await fetchRows(base));
      setSelected(new Set());
      setComment('');
      setNotice(t('logreview.marked', { count: marked }));
    });
  };

  const exportAs = (format: AuditExportFormat) => {
    if (!shown) return;
    const common = { format, language: labels.language };
    const input: AuditExportInput =
      shown.mode === 'search'
        ? { view: 'search', filters: shown.filters, ...common }
        : shown.mode === 'sample'
          ? { view: 'sample', month: shown.month, size: shown.size, ...common }
          : { view: 'protected', ...shown.filters, ...common };
    void run(async () => {
      const file = await call('audit:export', input);
      downloadFile(file.fileName, file.mimeType, file.base64);
      setNotice(t('logreview.exported', { fileName: file.fileName }));
    });
  };

  const print = () => {
    if (!shown) return;
    void run(() => printRecorded({ entity: 'audit_review', entityId: shown.mode }));
  };

  const toggle = (seq: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(seq);
      else next.delete(seq);
      return next;
    });

  const userOptions = [
    { value: '', label: t('logreview.all_users') },
    ...(users.data ?? []).map((u) => ({
      value: String(u.id),
      label: u.disabled ? t('logreview.disabled_user', { name: `${u.displayName} (${u.username})` }) : `${u.displayName} (${u.username})`,
    })),
  ];
  const reviewedOptions = (['any', 'no', 'yes'] as const).map((value) => ({ value, label: t(`logreview.reviewed_${value}`) }));
  const rows = shown?.rows ?? [];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.seq));

  return (
    <section className="log-review" aria-labelledby="log-review-title">
      <div className="no-print">
        <h2 id="log-review-title">{t('logreview.title')}</h2>
        <p>{t('logreview.intro')}</p>
        <fieldset className="log-review-modes">
          <legend>{t('logreview.mode_legend')}</legend>
          {(['search', 'sample', 'protected'] as const).map((m) => (
            <div className="checkbox" key={m}>
              <input id={`log-review-mode-${m}`} type="radio" name="log-review-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <label htmlFor={`log-review-mode-${m}`}>{t(`logreview.mode.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        <form className="log-review-form" onSubmit={submit} noValidate>
          {mode === 'search' ? (
            <>
              <SelectField name="user" label={t('logreview.user')} value={draft.userId} options={userOptions} onChange={(userId) => update({ userId })} />
              <TextField
                name="caseNumber"
                label={t('logreview.case_number')}
                value={draft.caseNumber}
                onChange={(caseNumber) => update({ caseNumber })}
                hint={t('logreview.case_number_hint')}
              />
              <SelectField
                name="action"
                label={t('logreview.action')}
                value={draft.action}
                options={[{ value: '', label: t('logreview.all_actions') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: labels.action(a) }))]}
                onChange={(action) => update({ action })}
              />
              <DateField name="from" label={t('logreview.from')} value={draft.from} onChange={(from) => update({ from })} hint={t('logreview.date_hint')} />
              <DateField name="to" label={t('logreview.to')} value={draft.to} onChange={(to) => update({ to })} hint={t('logreview.date_hint')} />
              <SelectField
                name="outcome"
                label={t('logreview.outcome')}
                value={draft.outcome}
                options={[{ value: '', label: t('logreview.all_outcomes') }, ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: labels.outcome(o) }))]}
                onChange={(outcome) => update({ outcome })}
              />
              <SelectField
                name="reviewed"
                label={t('logreview.reviewed')}
                value={draft.reviewed}
                options={reviewedOptions}
                onChange={(reviewed) => update({ reviewed })}
              />
            </>
          ) : null}
          {mode === 'sample' ? (
            <>
              <p>{t('logreview.sample_intro')}</p>
              <TextField name="month" label={t('logreview.month')} value={month} onChange={setMonth} hint={t('logreview.month_hint')} spellCheck={false} />
              <TextField
                name="size"
                type="number"
                label={t('logreview.size')}
                value={size}
                onChange={setSize}
                hint={t('logreview.size_hint')}
                inputMode="numeric"
              />
            </>
          ) : null}
          {mode === 'protected' ? (
            <>
              <p>{t('logreview.protected_intro')}</p>
              <DateField
                name="from"
                label={t('logreview.from')}
                value={protectedDraft.from}
                onChange={(from) => setProtectedDraft((d) => ({ ...d, from }))}
                hint={t('logreview.date_hint')}
              />
              <DateField
                name="to"
                label={t('logreview.to')}
                value={protectedDraft.to}
                onChange={(to) => setProtectedDraft((d) => ({ ...d, to }))}
                hint={t('logreview.date_hint')}
              />
              <SelectField
                name="reviewed"
                label={t('logreview.reviewed')}
                value={protectedDraft.reviewed}
                options={reviewedOptions}
                onChange={(reviewed) => setProtectedDraft((d) => ({ ...d, reviewed }))}
              />
            </>
          ) : null}
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('logreview.searching') : t(mode === 'search' ? 'logreview.search' : mode === 'sample' ? 'logreview.draw_sample' : 'logreview.show')}
            </button>
          </p>
        </form>
        {error ? (
          <ErrorAlert>
            {error.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </ErrorAlert>
        ) : null}
        {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      </div>
      {shown ? (
        <div className="log-review-result print-area">
          <h3>{t(`logreview.mode.${shown.mode}`)}</h3>
          {shown.mode === 'sample' ? (
            <p>{t('logreview.sample_result', { size: shown.rows.length, population: shown.population, month: shown.month })}</p>
          ) : null}
          {rows.length === 0 ? (
            <p>{t('logreview.no_rows')}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption>{t('logreview.rows_caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="no-print">
                      <input
                        type="checkbox"
                        aria-label={t('logreview.select_all')}
                        checked={allSelected}
                        onChange={(event) => setSelected(event.target.checked ? new Set(rows.map((r) => r.seq)) : new Set())}
                      />
                    </th>
                    <th scope="col">{t('logreview.col.seq')}</th>
                    <th scope="col">{t('logreview.col.time')}</th>
                    <th scope="col">{t('logreview.col.user')}</th>
                    <th scope="col">{t('logreview.col.role')}</th>
                    <th scope="col">{t('logreview.col.action')}</th>
                    <th scope="col">{t('logreview.col.entity')}</th>
                    <th scope="col">{t('logreview.col.case')}</th>
                    <th scope="col">{t('logreview.col.outcome')}</th>
                    <th scope="col">{t('logreview.col.reason')}</th>
                    <th scope="col">{t('logreview.col.review')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.seq}>
                      <td className="no-print">
                        <input
                          type="checkbox"
                          aria-label={t('logreview.select_row', { seq: String(r.seq) })}
                          checked={selected.has(r.seq)}
                          onChange={(event) => toggle(r.seq, event.target.checked)}
                        />
                      </td>
                      <td>{r.seq}</td>
                      <td>{labels.time(r.at)}</td>
                      <td>{r.user ? `${r.user.displayName} (${r.user.username})` : t('logreview.no_user')}</td>
                      <td>{labels.role(r.role)}</td>
                      <td>{labels.action(r.action)}</td>
                      <td>{labels.entity(r.entity)}</td>
                      <td>{r.caseNumber ?? (r.caseId !== null ? t('logreview.purged_case') : '')}</td>
                      <td>{labels.outcome(r.outcome)}</td>
                      <td className="pl-prewrap">{r.reason ?? ''}</td>
                      <td>
                        {r.review ? (
                          <>
                            {t('logreview.reviewed_by', { name: r.review.by.displayName, at: labels.time(r.review.at) })}
                            {r.review.comment !== '' ? <div className="pl-prewrap">{r.review.comment}</div> : null}
                          </>
                        ) : (
                          t('logreview.not_reviewed')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {shown.mode !== 'sample' && shown.nextBefore !== null ? (
            <p className="no-print">
              <button type="button" className="button-secondary" onClick={more} disabled={busy}>
                {t('logreview.more')}
              </button>
            </p>
          ) : null}
          {rows.length > 0 ? (
            <fieldset className="no-print">
              <legend>{t('logreview.mark_legend')}</legend>
              <TextAreaField name="comment" label={t('logreview.comment')} value={comment} onChange={setComment} hint={t('logreview.comment_hint')} rows={2} />
              <p>
                <button type="button" onClick={mark} disabled={busy}>
                  {t('logreview.mark', { count: selected.size })}
                </button>
              </p>
            </fieldset>
          ) : null}
          <div className="report-actions no-print" role="group" aria-label={t('logreview.export_legend')}>
            <button type="button" onClick={print} disabled={busy}>
              {t('logreview.print')}
            </button>
            <button type="button" onClick={() => exportAs('pdf')} disabled={busy}>
              {t('logreview.export_pdf')}
            </button>
            <button type="button" onClick={() => exportAs('csv')} disabled={busy}>
              {t('logreview.export_csv')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
