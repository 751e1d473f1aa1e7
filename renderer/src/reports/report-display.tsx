import type { Report, ReportTable } from '../../../core/contract';
import { useT } from '../i18n/use-t';
import type { Translate } from '../i18n/translate';
import { BarChart, FlowChart, LineChart } from './report-charts';
import type { BarCategory } from './report-charts';
import { cellAt, cellText, cellValue, findTable, labelText, rowText, useNumberFormat } from './report-text';

function PeriodTable({
  table,
  caption,
  threshold,
  formatNumber,
}: {
  table: ReportTable;
  caption: string;
  threshold: number;
  formatNumber: (value: number) => string;
}) {
  const t = useT();
  return (
    <div className="table-scroll report-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className="pl-number">
                {labelText(t, column.labelKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length + 1}>{t('reports.no_rows')}</td>
            </tr>
          ) : (
            table.rows.map((row) => (
              <tr key={row.key} className={row.total ? 'report-total' : undefined}>
                <th scope="row">{rowText(t, row)}</th>
                {table.columns.map((column, i) => {
                  const cell = row.cells[i];
                  const hidden = cell?.kind === 'measure' && cell.value === null;
                  return (
                    <td
                      key={column.key}
                      className={`pl-number${cell?.kind === 'suppressed' ? ' report-suppressed' : ''}`}
                      title={hidden ? t('reports.measure_hidden') : undefined}
                    >
                      {cellText(t, cell, threshold, formatNumber)}
                      {hidden ? <span className="visually-hidden"> ({t('reports.measure_hidden')})</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function hasHiddenMeasure(table: ReportTable | undefined): boolean {
  return Boolean(table?.rows.some((row) => row.cells.some((cell) => cell.kind === 'measure' && cell.value === null)));
}

/** One table for the period, with the previous period's (paired by id) beside it. */
function TablePair({ report, current }: { report: Report; current: ReportTable }) {
  const t = useT();
  const formatNumber = useNumberFormat();
  const previous = findTable(report, current.id, 'previous');
  const title = labelText(t, current.titleKey);
  return (
    <section className="report-section" aria-labelledby={`report-${current.id}`}>
      <h3 id={`report-${current.id}`}>{title}</h3>
      <div className="report-pair">
        <PeriodTable
          table={current}
          threshold={report.threshold}
          formatNumber={formatNumber}
          caption={t('reports.caption_current', { title, from: report.period.from, to: report.period.to })}
        />
        {previous ? (
          <PeriodTable
            table={previous}
            threshold={report.threshold}
            formatNumber={formatNumber}
            caption={t('reports.caption_previous', { title, from: report.period.previousFrom, to: report.period.previousTo })}
          />
        ) : null}
      </div>
      {hasHiddenMeasure(current) || hasHiddenMeasure(previous) ? <p className="field-hint">{t('reports.footnote_measure')}</p> : null}
    </section>
  );
}

/** Categories of a cross table for a bar chart: its body rows (not the total) and the chosen columns. */
function categoriesOf(t: Translate, table: ReportTable | undefined, columns: readonly string[]): BarCategory[] {
  if (!table) return [];
  return table.rows.filter((row) => !row.total).map((row) => ({ label: rowText(t, row), values: columns.map((c) => cellValue(cellAt(table, row.key, c))) }));
}

function ReportCharts({ report }: { report: Report }) {
  const t = useT();
  const formatNumber = useNumberFormat();
  const columns = ['new', 'open_at_end'];
  const series = columns.map((c) => labelText(t, `reports.col.${c}`));
  const byDistrict = findTable(report, 'cases_by_district', 'current');
  const byGender = findTable(report, 'cases_by_gender', 'current');
  const flow = findTable(report, 'cases_flow', 'current');
  const flowPrevious = findTable(report, 'cases_flow', 'previous');
  const nextStep = findTable(report, 'chain_next_step', 'current');
  const review = findTable(report, 'chain_review', 'current');
  return (
    <div className="report-charts">
      {byDistrict ? (
        <BarChart
          title={t('reports.chart_district')}
          series={series}
          categories={categoriesOf(t, byDistrict, columns)}
          threshold={report.threshold}
          formatNumber={formatNumber}
        />
      ) : null}
      {byGender ? (
        <BarChart
          title={t('reports.chart_gender')}
          series={series}
          categories={categoriesOf(t, byGender, columns)}
          threshold={report.threshold}
          formatNumber={formatNumber}
        />
      ) : null}
      {flow ? (
        <LineChart
          title={t('reports.chart_flow_line')}
          description={t('reports.chart_flow_line_desc', { threshold: report.threshold })}
          points={[
            { label: t('reports.previous'), sublabel: `${report.period.previousFrom} – ${report.period.previousTo}` },
            { label: t('reports.current'), sublabel: `${report.period.from} – ${report.period.to}` },
          ]}
          series={flow.rows.map((row) => ({
            label: rowText(t, row),
            values: [cellValue(cellAt(flowPrevious, row.key, 'cases')), cellValue(cellAt(flow, row.key, 'cases'))],
          }))}
          threshold={report.threshold}
          formatNumber={formatNumber}
        />
      ) : null}
      {nextStep ? (
        <FlowChart
          title={t('reports.chart_chain')}
          description={t('reports.chart_chain_desc')}
          source={{ label: t('reports.row.left_protected'), value: review ? cellValue(cellAt(review, 'left_protected', 'cases')) : null }}
          targets={nextStep.rows.filter((row) => !row.total).map((row) => ({ label: rowText(t, row), value: cellValue(row.cells[0]) }))}
          threshold={report.threshold}
          formatNumber={formatNumber}
        />
      ) : null}
    </div>
  );
}

/** A generated report in a printable layout: heading, charts, the tables in pairs and the footnote. */
export function ReportDisplay({ report, teamName, scope }: { report: Report; teamName: string | null; scope: string }) {
  const t = useT();
  const current = report.tables.filter((table) => table.period === 'current');
  return (
    <article className="report print-area" aria-labelledby="report-title">
      <header className="report-header">
        <h2 id="report-title">{t('reports.title')}</h2>
        {teamName ? <p>{t('reports.team', { team: teamName })}</p> : null}
        <p>{t('reports.scope', { scope })}</p>
        <p>{t('reports.period', { from: report.period.from, to: report.period.to })}</p>
        <p>{t('reports.previous_period', { from: report.period.previousFrom, to: report.period.previousTo })}</p>
        <p className="field-hint">{t('reports.generated_on', { date: report.generatedOn })}</p>
      </header>
      <ReportCharts report={report} />
      {current.map((table) => (
        <TablePair key={table.id} report={report} current={table} />
      ))}
      <footer className="report-footnote">
        <p>{t('reports.footnote_suppressed', { threshold: report.threshold })}</p>
      </footer>
    </article>
  );
}
