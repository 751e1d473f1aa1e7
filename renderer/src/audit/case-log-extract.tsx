import { useEffect, useRef, useState } from 'react';
import type { ApiError, AuditExportFormat } from '../../../core/contract';
import { call, toApiError } from '../api/client';
import { useChannel } from '../api/query';
import { ApiErrorAlert, SuccessNotice } from '../components/messages';
import { useT } from '../i18n/use-t';
import { downloadFile } from '../reports/report-export';
import { useAuditLabels } from './audit-labels';
import { printRecorded } from './print';

/**
 * A case's log extract for the survivor who asks: who saw or changed what, and when, without the
 * information itself. Printable (the print is recorded first) and exportable as PDF or CSV.
 */
export function CaseLogExtract({ caseId, onClose }: { caseId: number; onClose: () => void }) {
  const t = useT();
  const labels = useAuditLabels();
  const extract = useChannel('audit:case-extract', { caseId });
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = extract.data !== null;

  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: AuditExportFormat) =>
    void act(async () => {
      const file = await call('audit:case-extract-export', { caseId, format, language: labels.language });
      downloadFile(file.fileName, file.mimeType, file.base64);
      setNotice(t('extract.exported', { fileName: file.fileName }));
    });

  const back = (
    <button type="button" className="button-link back-link no-print" onClick={onClose}>
      {t('extract.back')}
    </button>
  );
  const data = extract.data;
  if (!data) {
    return (
      <section className="view">
        {back}
        <ApiErrorAlert error={extract.error} />
        {extract.error ? null : <p role="status">{t('extract.loading')}</p>}
      </section>
    );
  }

  return (
    <section className="view case-log-extract">
      {back}
      <div className="print-area">
        <h1 className="view-heading" tabIndex={-1} ref={headingRef}>
          {t('extract.title', { number: data.caseNumber })}
        </h1>
        <p>{t('extract.intro')}</p>
        <p>{t('extract.generated', { at: labels.time(data.generatedAt) })}</p>
        {data.entries.length === 0 ? (
          <p>{t('extract.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <caption>{t('logreview.rows_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('logreview.col.seq')}</th>
                  <th scope="col">{t('logreview.col.time')}</th>
                  <th scope="col">{t('extract.col.who')}</th>
                  <th scope="col">{t('logreview.col.role')}</th>
                  <th scope="col">{t('extract.col.what')}</th>
                  <th scope="col">{t('logreview.col.entity')}</th>
                  <th scope="col">{t('logreview.col.outcome')}</th>
                  <th scope="col">{t('logreview.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{labels.time(e.at)}</td>
                    <td>{e.userName ?? t('logreview.no_user')}</td>
                    <td>{labels.role(e.role)}</td>
                    <td>{labels.action(e.action)}</td>
                    <td>{labels.entity(e.entity)}</td>
                    <td>{labels.outcome(e.outcome)}</td>
                    <td className="pl-prewrap">{e.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.chainHead ? <p className="field-hint">{t('logreview.chain_head', { seq: String(data.chainHead.seq), hash: data.chainHead.hash })}</p> : null}
      </div>
      <div className="report-actions no-print" role="group" aria-label={t('logreview.export_legend')}>
        <button type="button" disabled={busy} onClick={() => void act(() => printRecorded({ entity: 'case_log_extract', entityId: String(caseId), caseId }))}>
          {t('extract.print')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportAs('pdf')}>
          {t('extract.export_pdf')}
        </button>
        <button type="button" disabled={busy} onClick={() => exportAs('csv')}>
          {t('extract.export_csv')}
        </button>
      </div>
      <ApiErrorAlert error={error} />
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
    </section>
  );
}
