import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError, Report, ReportExportFormat, ReportInput, ReportPeriod, ReportPeriodKind } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { describeError } from '../api/error-text';
import { useQuery } from '../api/query';
import { CheckboxGroup } from '../components/checkbox-field';
import { DateField } from '../components/date-field';
import { ErrorAlert, SuccessNotice } from '../components/messages';
import { SelectField } from '../components/select-field';
import { ViewHeading } from '../components/view-heading';
import { useLanguageStore } from '../i18n/language-store';
import { isMessageKey } from '../i18n/translate';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../session/session-store';
import { printRecorded } from '../audit/print';
import { ReportDisplay } from './report-display';
import { EXPORT_UNAVAILABLE, exportReport } from './report-export';

const loadDistricts = () => call('reference:districts', {});

export interface PeriodDraft {
  kind: ReportPeriodKind;
  year: string;
  index: string;
  from: string;
  to: string;
}

/** The period input for the chosen kind: only the fields that kind uses. */
export function periodOf(draft: PeriodDraft): ReportPeriod {
  const year = Number(draft.year);
  switch (draft.kind) {
    case 'year':
      return { kind: 'year', year };
    case 'tertial':
      return { kind: 'tertial', year, index: Math.min(Number(draft.index), 3) };
    case 'quarter':
      return { kind: 'quarter', year, index: Number(draft.index) };
    case 'custom':
      return { kind: 'custom', from: draft.from.trim(), to: draft.to.trim() };
  }
}

function errorLines(t: Translate, error: ApiError): string[] {
  const issues = (error.issues ?? []).map((issue) => {
    const key = `validation.${issue.message}`;
    return isMessageKey(key) ? t(key) : issue.message;
  });
  if (error.message === EXPORT_UNAVAILABLE) return [t('reports.export_unavailable')];
  return [describeError(t, error), ...new Set(issues)];
}

const EXPORTS: readonly { format: ReportExportFormat; label: 'reports.export_pdf' | 'reports.export_xlsx' | 'reports.export_csv' }[] = [
  { format: 'pdf', label: 'reports.export_pdf' },
  { format: 'xlsx', label: 'reports.export_xlsx' },
  { format: 'csv', label: 'reports.export_csv' },
];

/** Reports to socialnämnden: choose a period and scope, generate, read or print, export. */
export function ReportsView() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const teamName = useSessionStore((state) => state.status?.teamName ?? null);
  const districts = useQuery(['reference:districts', {}], loadDistricts);
  const thisYear = new Date().getFullYear();
  const [draft, setDraft] = useState<PeriodDraft>({ kind: 'year', year: String(thisYear), index: '1', from: '', to: '' });
  const [scope, setScope] = useState<'team' | 'districts'>('team');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const [generated, setGenerated] = useState<{ input: ReportInput; report: Report; scope: string } | null>(null);
  const [exporting, setExporting] = useState<ReportExportFormat | null>(null);
  const [exportError, setExportError] = useState<string[] | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  // The worker starts its second reader now, so the first report does not wait for it. Nothing is
  // lost if it cannot: reports then read on one connection.
  useEffect(() => {
    call('reports:prepare', {}).catch(() => undefined);
  }, []);

  const update = (change: Partial<PeriodDraft>) => setDraft((previous) => ({ ...previous, ...change }));
  const years = Array.from({ length: 11 }, (_, i) => String(thisYear - i));
  const districtOptions = (districts.data ?? []).map((d) => ({ value: d.slug, label: d.name }));

  const generate = async (event: FormEvent) => {
    event.preventDefault();
    if (scope === 'districts' && chosen.length === 0) {
      setError([t('reports.districts_none')]);
      return;
    }
    const input: ReportInput = { period: periodOf(draft), districtSlugs: scope === 'team' ? [] : chosen };
    const scopeText =
      scope === 'team'
        ? t('reports.scope_team')
        : districtOptions
            .filter((o) => chosen.includes(o.value))
            .map((o) => o.label)
            .join(', ');
    setBusy(true);
    setError(null);
    setExported(null);
    setExportError(null);
    try {
      const report = await call('reports:generate', input);
      setGenerated({ input, report, scope: scopeText });
    } catch (thrown) {
      setError(errorLines(t, toApiError(thrown)));
    } finally {
      setBusy(false);
    }
  };

  const runExport = async (format: ReportExportFormat) => {
    if (!generated) return;
    setExporting(format);
    setExportError(null);
    setExported(null);
    try {
      setExported(await exportReport(generated.input, generated.report, format, language, t));
    } catch (thrown) {
      setExportError(errorLines(t, toApiError(thrown)));
    } finally {
      setExporting(null);
    }
  };

  // The print is recorded in the log first; nothing is printed if that fails.
  const printReport = async () => {
    if (!generated) return;
    setExportError(null);
    try {
      await printRecorded({ entity: 'report', entityId: `${generated.report.period.from}_${generated.report.period.to}` });
    } catch (thrown) {
      setExportError(errorLines(t, toApiError(thrown)));
    }
  };

  const indexOptions =
    draft.kind === 'tertial'
      ? ([1, 2, 3] as const).map((i) => ({ value: String(i), label: t(`reports.tertial_${i}`) }))
      : ([1, 2, 3, 4] as const).map((i) => ({ value: String(i), label: t(`reports.quarter_${i}`) }));

  return (
    <div className="reports-view">
      <div className="report-controls no-print">
        <ViewHeading>{t('reports.view_title')}</ViewHeading>
        <p>{t('reports.intro')}</p>
        <form className="report-form" onSubmit={(event) => void generate(event)} noValidate>
          <fieldset>
            <legend>{t('reports.period_legend')}</legend>
            <SelectField
              name="kind"
              label={t('reports.kind')}
              value={draft.kind}
              options={(['year', 'tertial', 'quarter', 'custom'] as const).map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
              onChange={(kind) => update({ kind, index: kind === 'tertial' && draft.index === '4' ? '3' : draft.index })}
            />
            {draft.kind !== 'custom' ? (
              <SelectField
                name="year"
                label={t('reports.year')}
                value={draft.year}
                options={years.map((y) => ({ value: y, label: y }))}
                onChange={(year) => update({ year })}
              />
            ) : null}
            {draft.kind === 'tertial' || draft.kind === 'quarter' ? (
              <SelectField
                name="index"
                label={t(draft.kind === 'tertial' ? 'reports.tertial' : 'reports.quarter')}
                value={draft.index}
                options={indexOptions}
                onChange={(index) => update({ index })}
              />
            ) : null}
            {draft.kind === 'custom' ? (
              <>
                <DateField name="from" label={t('reports.from')} value={draft.from} onChange={(from) => update({ from })} hint={t('reports.date_hint')} />
                <DateField name="to" label={t('reports.to')} value={draft.to} onChange={(to) => update({ to })} hint={t('reports.date_hint')} />
              </>
            ) : null}
          </fieldset>
          <fieldset>
            <legend>{t('reports.scope_legend')}</legend>
            {(['team', 'districts'] as const).map((value) => (
              <div className="checkbox" key={value}>
                <input id={`report-scope-${value}`} type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
                <label htmlFor={`report-scope-${value}`}>{t(value === 'team' ? 'reports.scope_team' : 'reports.scope_districts')}</label>
              </div>
            ))}
            {scope === 'districts' ? (
              <CheckboxGroup name="districts" legend={t('reports.districts_legend')} options={districtOptions} value={chosen} onChange={setChosen} />
            ) : null}
          </fieldset>
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('reports.generating') : t('reports.generate')}
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
        {generated ? (
          <div className="report-actions" role="group" aria-label={t('reports.export_legend')}>
            <button type="button" onClick={() => void printReport()}>
              {t('reports.print')}
            </button>
            {EXPORTS.map(({ format, label }) => (
              <button key={format} type="button" disabled={exporting !== null} onClick={() => void runExport(format)}>
                {exporting === format ? t('reports.exporting') : t(label)}
              </button>
            ))}
          </div>
        ) : null}
        {exportError ? (
          <ErrorAlert>
            {exportError.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </ErrorAlert>
        ) : null}
        {exported ? <SuccessNotice>{t('reports.exported', { fileName: exported })}</SuccessNotice> : null}
      </div>
      {generated ? <ReportDisplay report={generated.report} teamName={teamName} scope={generated.scope} /> : null}
    </div>
  );
}
