import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { ApiError, InstrumentSummary, RiskTemplate } from '../../../core/contract';
import { MAX_LISTED_ISSUES } from '../../../core/rules/instrument-file';
import { call, toApiError } from '../api/client';
import { useMutation, useQuery } from '../api/query';
import { RegisterTable } from '../components/register-table';
import { ApiErrorAlert, DetailedErrorAlert, ErrorAlert, SuccessNotice } from '../components/messages';
import { ViewHeading } from '../components/view-heading';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';
import { instrumentTitle, localize } from './format';
import { describeImportIssues } from './import-issues';
import type { DescribedIssue } from './import-issues';

/** The largest file the API takes (its input schema says the same). */
const MAX_FILE_CHARS = 2_000_000;

function loadInstruments(): Promise<InstrumentSummary[]> {
  return call('risk:instruments', {});
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

function TemplatePreview({ templateId, version }: { templateId: string; version: string }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const template = useQuery(['risk:instrument', { templateId, version }], (): Promise<RiskTemplate> => call('risk:instrument', { templateId, version }));
  if (template.error) return <ApiErrorAlert error={template.error} />;
  if (!template.data) return <p role="status">{t('risk.loading')}</p>;
  const tpl = template.data;
  return (
    <div className="risk-preview">
      {tpl.description ? <p>{localize(tpl.description, language)}</p> : null}
      {tpl.sections.map((s) => (
        <div key={s.id}>
          <h4>{localize(s.title, language)}</h4>
          <ul>
            {s.items.map((i) => (
              <li key={i.id}>
                {localize(i.label, language)}{' '}
                <span className="muted">
                  ({t(`risk.kind_${i.kind}`)}
                  {i.perPerpetrator ? `, ${t('risk.kind_per_perpetrator')}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h4>{t('risk.outputs_title')}</h4>
      <ul>
        {tpl.outputs.map((o) => (
          <li key={o.id}>
            {localize(o.label, language)}{' '}
            <span className="muted">
              ({t(o.kind === 'level' ? 'risk.output_level' : 'risk.output_text')}
              {o.headline ? `, ${t('risk.output_headline')}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** For administrators and team leads: the instruments installed, and importing an organisation's licensed file. */
export function InstrumentsView() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const importId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const instruments = useQuery(['risk:instruments', {}], loadInstruments);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const importInstrument = useMutation('risk:import-instrument', () => [['risk:instruments']]);
  const [issues, setIssues] = useState<DescribedIssue[]>([]);
  const [imported, setImported] = useState<InstrumentSummary | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);

  const reset = (): void => {
    setError(null);
    setIssues([]);
    setImported(null);
    setReadError(null);
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    reset();
    setFile(null);
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    if (chosen.size > MAX_FILE_CHARS * 4) {
      setReadError(t('risk.import_too_large'));
      return;
    }
    readText(chosen).then(
      (text) => {
        if (text.length > MAX_FILE_CHARS) setReadError(t('risk.import_too_large'));
        else setFile({ name: chosen.name, text });
      },
      () => setReadError(t('risk.import_read_failed')),
    );
  };

  const onImport = (): void => {
    if (!file) return;
    reset();
    setBusy(true);
    importInstrument({ json: file.text }).then(
      (summary) => {
        setBusy(false);
        setImported(summary);
        setFile(null);
        if (fileRef.current) fileRef.current.value = '';
      },
      (thrown: unknown) => {
        setBusy(false);
        const apiError = toApiError(thrown);
        setError(apiError);
        setIssues(apiError.issues && apiError.issues.length > 0 ? describeImportIssues(t, apiError.issues, file.text) : []);
      },
    );
  };

  const rows = instruments.data ?? [];

  return (
    <section className="view view-wide">
      <ViewHeading>{t('risk.instruments_title')}</ViewHeading>
      <p>{t('risk.instruments_intro')}</p>
      <ApiErrorAlert error={instruments.error} />
      {instruments.data === null && instruments.error === null ? <p role="status">{t('risk.instruments_loading')}</p> : null}
      {rows.length > 0 ? (
        <RegisterTable
          caption={t('risk.instruments_caption')}
          rows={rows}
          rowKey={(row) => `${row.templateId}@${row.version}`}
          columns={[
            {
              header: t('risk.col_instrument'),
              rowHeader: true,
              cell: (row) => (
                <>
                  {localize(row.title, language)}
                  <div className="muted mono">{row.templateId}</div>
                  {previewing === `${row.templateId}@${row.version}` ? <TemplatePreview templateId={row.templateId} version={row.version} /> : null}
                </>
              ),
            },
            {
              header: t('risk.col_version'),
              cell: (row) => (
                <>
                  {row.version}
                  {row.latest ? (
                    <span className="badge badge-signed risk-latest-badge">{t('risk.version_latest')}</span>
                  ) : (
                    <span className="muted"> {t('risk.version_older')}</span>
                  )}
                </>
              ),
            },
            { header: t('risk.col_target'), cell: (row) => t(`risk.target_${row.target}`) },
            { header: t('risk.col_source'), cell: (row) => t(`risk.source_${row.source}`) },
          ]}
          actions={{
            header: t('risk.col_actions'),
            cell: (row) => {
              const key = `${row.templateId}@${row.version}`;
              return (
                <button
                  type="button"
                  className="button-secondary"
                  aria-expanded={previewing === key}
                  aria-label={t(previewing === key ? 'risk.preview_hide_label' : 'risk.preview_label', {
                    instrument: instrumentTitle(t, language, row.title, row.version),
                  })}
                  onClick={() => setPreviewing((p) => (p === key ? null : key))}
                >
                  {t(previewing === key ? 'risk.preview_hide' : 'risk.preview')}
                </button>
              );
            },
          }}
        />
      ) : null}
      <section className="subsection" aria-labelledby={importId}>
        <h2 id={importId}>{t('risk.import_title')}</h2>
        <p>{t('risk.import_intro')}</p>
        <div className="field">
          <label htmlFor={`${importId}-file`}>{t('risk.import_file')}</label>
          <input
            ref={fileRef}
            id={`${importId}-file`}
            name="instrumentFile"
            type="file"
            accept=".json,application/json"
            onChange={onFile}
            aria-describedby={`${importId}-hint`}
          />
          <div id={`${importId}-hint`} className="field-hint">
            {t('risk.import_file_hint')}
          </div>
        </div>
        {readError ? <ErrorAlert>{readError}</ErrorAlert> : null}
        {imported ? (
          <SuccessNotice>
            {t('risk.import_done', { instrument: instrumentTitle(t, language, imported.title, imported.version) })}
            {imported.latest ? '' : ` ${t('risk.import_done_not_latest')}`}
          </SuccessNotice>
        ) : null}
        {error && issues.length > 0 ? (
          <div className="alert alert-error risk-import-issues" role="alert">
            <p>
              <strong>{t('risk.import_failed')}</strong>{' '}
              {t(issues.length >= MAX_LISTED_ISSUES ? 'risk.import_issue_count_many' : 'risk.import_issue_count', { count: issues.length })}
            </p>
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>
                  <code className="risk-issue-path">{issue.where}</code>: {issue.message}
                </li>
              ))}
            </ul>
          </div>
        ) : error ? (
          <DetailedErrorAlert error={error} />
        ) : null}
        <div className="actions">
          <button type="button" onClick={onImport} disabled={busy || file === null}>
            {busy ? t('app.busy') : file ? t('risk.import_submit_file', { name: file.name }) : t('risk.import_submit')}
          </button>
        </div>
      </section>
    </section>
  );
}
