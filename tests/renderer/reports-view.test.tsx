import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportExportInput, ReportInput } from '../../core/contract';
import { dictionaries } from '../../renderer/src/i18n/translate';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { LineChart } from '../../renderer/src/reports/report-charts';
import { reportLabelKeys } from '../../renderer/src/reports/report-text';
import { caseworkBridge } from './casework-fixtures';
import { ADMIN, CASEWORKER, TEAM_LEAD } from './fixtures';
import { button, input, renderApp } from './render-app';
import { reportsBridge, sampleReport } from './reports-fixtures';

async function openReports(bridge = reportsBridge()) {
  const app = renderApp();
  await screen.findByRole('heading', { name: /^(Välkommen|Welcome)/ });
  const title = useLanguageStore.getState().language === 'en' ? 'Reports' : 'Rapporter';
  await app.user.click(button(title));
  await screen.findByRole('heading', { level: 1, name: title });
  return { bridge, ...app };
}

function select(label: string): HTMLSelectElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLSelectElement)) throw new Error(`"${label}" is not a select`);
  return element;
}

afterEach(() => {
  vi.restoreAllMocks();
  useLanguageStore.setState({ language: 'sv' });
});

describe('reports view: access', () => {
  it('is not offered to caseworkers', async () => {
    caseworkBridge(CASEWORKER);
    renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    expect(screen.queryByRole('button', { name: 'Rapporter' })).toBeNull();
  });

  it('is there for team leads', async () => {
    await openReports(reportsBridge(TEAM_LEAD));
    expect(button('Skapa rapport')).toBeTruthy();
  });

  it('has the worker start its second reader as it opens, once', async () => {
    const { bridge } = await openReports();
    await waitFor(() => expect(bridge.callsTo('reports:prepare')).toEqual([{}]));
    expect(bridge.callsTo('reports:generate')).toEqual([]);
  });

  it('says nothing when the second reader cannot start, and still makes reports', async () => {
    const bridge = reportsBridge().fail('reports:prepare', { code: 'internal', message: 'no second reader' });
    const { user } = await openReports(bridge);
    await waitFor(() => expect(bridge.callsTo('reports:prepare')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(button('Skapa rapport'));
    await waitFor(() => expect(bridge.callsTo('reports:generate')).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('reports view: period picker', () => {
  it('sends the right input for a year, a tertial, a quarter and custom dates', async () => {
    const { bridge, user } = await openReports();
    const year = String(new Date().getFullYear());
    const last = String(new Date().getFullYear() - 1);

    await user.click(button('Skapa rapport'));
    await screen.findByRole('heading', { level: 2, name: 'Rapport till socialnämnden' });

    await user.selectOptions(select('År'), last);
    await user.click(button('Skapa rapport'));

    await user.selectOptions(select('Typ av period'), 'tertial');
    await user.selectOptions(select('Tertial'), '2');
    await user.click(button('Skapa rapport'));

    await user.selectOptions(select('Typ av period'), 'quarter');
    await user.selectOptions(select('År'), year);
    await user.selectOptions(select('Kvartal'), '4');
    await user.click(button('Skapa rapport'));

    await user.selectOptions(select('Typ av period'), 'custom');
    expect(screen.queryByLabelText('År')).toBeNull();
    await user.type(input('Från och med'), '2025-07-01');
    await user.type(input('Till och med'), '2026-06-30');
    await user.click(button('Skapa rapport'));

    await waitFor(() => expect(bridge.callsTo('reports:generate')).toHaveLength(5));
    expect(bridge.callsTo('reports:generate')).toEqual([
      { period: { kind: 'year', year: Number(year) }, districtSlugs: [] },
      { period: { kind: 'year', year: Number(last) }, districtSlugs: [] },
      { period: { kind: 'tertial', year: Number(last), index: 2 }, districtSlugs: [] },
      { period: { kind: 'quarter', year: Number(year), index: 4 }, districtSlugs: [] },
      { period: { kind: 'custom', from: '2025-07-01', to: '2026-06-30' }, districtSlugs: [] },
    ] satisfies ReportInput[]);
  });

  it('limits the report to the chosen districts', async () => {
    const { bridge, user } = await openReports();
    await user.click(screen.getByRole('radio', { name: 'Valda stadsdelar' }));
    await user.click(button('Skapa rapport'));
    expect((await screen.findByRole('alert')).textContent).toContain('Välj minst en stadsdel');
    expect(bridge.callsTo('reports:generate')).toHaveLength(0);

    await user.click(await screen.findByRole('checkbox', { name: 'Skärholmen' }));
    await user.click(button('Skapa rapport'));
    await waitFor(() => expect(bridge.callsTo('reports:generate')).toHaveLength(1));
    expect(bridge.callsTo('reports:generate')[0]).toEqual({ period: { kind: 'year', year: new Date().getFullYear() }, districtSlugs: ['skarholmen'] });
    expect(await screen.findByText('Omfattning: Skärholmen')).toBeTruthy();
  });

  it('explains a period the API refuses', async () => {
    const bridge = caseworkBridge(ADMIN).fail('reports:generate', {
      code: 'invalid_input',
      message: 'invalid_input',
      issues: [{ path: ['period', 'to'], message: 'period_order' }],
    });
    const { user } = await openReports(bridge);
    await user.click(button('Skapa rapport'));
    expect((await screen.findByRole('alert')).textContent).toContain('Slutdatumet ligger före startdatumet.');
  });
});

describe('reports view: the report', () => {
  it('shows suppressed cells as "<5", measures with units, and the previous period beside', async () => {
    const { user } = await openReports();
    await user.click(button('Skapa rapport'));
    const year = new Date().getFullYear();
    expect(await screen.findByText(`Period: ${year}-01-01 – ${year}-12-31`)).toBeTruthy();
    expect(screen.getByText(`Föregående period: ${year - 1}-01-01 – ${year - 1}-12-31`)).toBeTruthy();

    const section = screen.getByRole('region', { name: 'Ärenden per stadsdel' });
    const [current, previous] = within(section).getAllByRole('table');
    expect(within(current as HTMLElement).getByText(`Ärenden per stadsdel – perioden ${year}-01-01 – ${year}-12-31`)).toBeTruthy();
    expect(within(previous as HTMLElement).getByText(`Ärenden per stadsdel – föregående period ${year - 1}-01-01 – ${year - 1}-12-31`)).toBeTruthy();
    const hasselby = within(current as HTMLElement).getByRole('row', { name: /Hässelby-Vällingby/ });
    expect(within(hasselby).getAllByText('<5')).toHaveLength(2);

    const placements = screen.getByRole('region', { name: 'Placeringar per typ av skyddat boende' });
    const general = within(within(placements).getAllByRole('table')[0] as HTMLElement).getByRole('row', { name: /Allmänt skyddat boende/ });
    expect(general.textContent).toMatch(/1\s004 dagar/);
    expect(general.textContent).toMatch(/1\s506\s000 kr/);
    expect(within(placements).getAllByText('–').length).toBeGreaterThan(0);
    expect(within(placements).getByText(/”–” betyder att måttet inte visas/)).toBeTruthy();

    expect(screen.getByText(/”<5” betyder färre än 5\. Tal under gränsen döljs, och ibland även andra tal/)).toBeTruthy();
  });

  it('draws the charts with text alternatives, the housing chain as a flow with "<5" bands', async () => {
    const { user } = await openReports();
    await user.click(button('Skapa rapport'));
    expect(await screen.findByRole('img', { name: 'Ärenden per stadsdel' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Ärenden per kön' })).toBeTruthy();
    const flow = screen.getByRole('img', { name: 'Boendekedjan: nästa steg efter skyddat boende' });
    expect(within(flow).getByText('Träningslägenhet eller mellanboende: <5')).toBeTruthy();
    expect(flow.querySelectorAll('path.chart-suppressed')).toHaveLength(2);
    expect(screen.getByText('Lämnade skyddat boende → Eget förstahandskontrakt: <5')).toBeTruthy();
  });

  it('draws the case flow as a line chart: one point per period and measure, over both periods', async () => {
    const { user } = await openReports();
    await user.click(button('Skapa rapport'));
    const chart = await screen.findByRole('img', { name: 'Ärendeflöde: föregående och aktuell period' });
    const year = new Date().getFullYear();
    expect(within(chart).getByText(`${year - 1}-01-01 – ${year - 1}-12-31`)).toBeTruthy();
    expect(within(chart).getByText(`${year}-01-01 – ${year}-12-31`)).toBeTruthy();
    const lines = chart.querySelectorAll('.chart-series-line');
    expect([...lines].map((line) => line.getAttribute('data-series'))).toEqual(['Öppna vid periodens början', 'Nya', 'Avslutade', 'Öppna vid periodens slut']);
    for (const line of lines) expect(line.querySelectorAll('.chart-point')).toHaveLength(2);
    expect(chart.querySelectorAll('.chart-gap')).toHaveLength(0);
    expect(new Set([...chart.querySelectorAll('.chart-series-line line.chart-line')].map((line) => line.getAttribute('stroke-dasharray'))).size).toBe(4);
    expect(
      screen.getByText(
        new RegExp(`^Nya: Föregående period \\(${year - 1}-01-01 – ${year - 1}-12-31\\) \\d+, Perioden \\(${year}-01-01 – ${year}-12-31\\) \\d+$`),
      ),
    ).toBeTruthy();
  });

  it('leaves a gap labelled "<threshold" in a line where a value is hidden', () => {
    render(
      <LineChart
        title="Flöde"
        points={[{ label: 'Före' }, { label: 'Nu' }]}
        series={[
          { label: 'Nya', values: [3, null] },
          { label: 'Avslutade', values: [8, 12] },
        ]}
        threshold={5}
        formatNumber={String}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Flöde' });
    const [opened, closed] = [...chart.querySelectorAll('.chart-series-line')];
    expect(opened?.querySelectorAll('.chart-point')).toHaveLength(1);
    expect(opened?.querySelectorAll('line.chart-line')).toHaveLength(0);
    expect(
      within(opened as HTMLElement)
        .getByText('<5')
        .classList.contains('chart-gap'),
    ).toBe(true);
    expect(closed?.querySelectorAll('.chart-point')).toHaveLength(2);
    expect(closed?.querySelectorAll('line.chart-line')).toHaveLength(1);
    expect(screen.getByText('Nya: Före 3, Nu <5')).toBeTruthy();
  });

  it('has a text in both languages for every label key of a report', async () => {
    const report = sampleReport();
    const keys = reportLabelKeys(report);
    expect(keys.length).toBeGreaterThan(80);
    const missing = (['sv', 'en'] as const).flatMap((language) =>
      keys.filter((key) => !Object.prototype.hasOwnProperty.call(dictionaries[language], key)).map((key) => `${language}: ${key}`),
    );
    expect(missing).toEqual([]);

    useLanguageStore.setState({ language: 'en' });
    const { user } = await openReports(reportsBridge());
    await user.click(button('Generate report'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Report to the social welfare committee' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Housing chain: follow-up' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/reports\.(table|col|row)\./);
  });
});

describe('reports view: export', () => {
  it('calls reports:export with the format and the translated labels, and downloads the file', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report-1';
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const bridge = reportsBridge().ok('reports:export', { fileName: 'rapport-2026.csv', mimeType: 'text/csv', base64: btoa('a;b\n1;2\n') });
    const { user } = await openReports(bridge);
    await user.click(button('Skapa rapport'));
    await screen.findByRole('heading', { level: 2, name: 'Rapport till socialnämnden' });
    await user.click(button('CSV'));

    expect(await screen.findByText('Filen rapport-2026.csv är sparad i hämtade filer.')).toBeTruthy();
    const [sent] = bridge.callsTo('reports:export') as ReportExportInput[];
    expect(sent?.format).toBe('csv');
    expect(sent?.language).toBe('sv');
    expect(sent?.period).toEqual({ kind: 'year', year: new Date().getFullYear() });
    expect(sent?.labels['reports.table.cases_flow']).toBe('Ärendeflöde');
    expect(sent?.labels['reports.row.gender.non_binary']).toBe('Icke-binär');
    expect(sent?.labels['reports.title']).toBe('Rapport till socialnämnden');
    for (const key of reportLabelKeys(sampleReport())) expect(sent?.labels[key]).toBeTruthy();

    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('rapport-2026.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:report-1');
    expect(created[0]?.type).toBe('text/csv');
    expect(created[0]?.size).toBe(8);
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:report-1'));

    await user.click(button('Excel (XLSX)'));
    await waitFor(() => expect(bridge.callsTo('reports:export')).toHaveLength(2));
    expect((bridge.callsTo('reports:export')[1] as ReportExportInput).format).toBe('xlsx');
  });

  it('says so when the export fails', async () => {
    const bridge = reportsBridge().fail('reports:export', { code: 'internal', message: 'boom' });
    const { user } = await openReports(bridge);
    await user.click(button('Skapa rapport'));
    await screen.findByRole('heading', { level: 2, name: 'Rapport till socialnämnden' });
    await user.click(button('PDF'));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
