import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRow, AuditUser, CaseLogExtract } from '../../core/contract';
import { openCase } from '../../renderer/src/casework/casework-store';
import { previousMonth } from '../../renderer/src/audit/log-review';
import { caseDetail, caseRow, caseworkBridge } from './casework-fixtures';
import { installBridge } from './fake-bridge';
import { ADMIN, CASEWORKER, TEAM_LEAD, unlockedStatus } from './fixtures';
import { reportsBridge } from './reports-fixtures';
import { button, input, renderApp } from './render-app';

const USERS: AuditUser[] = [
  { id: 2, displayName: 'Bertil Provsson', username: 'bertil.lead', role: 'team_lead', disabled: false },
  { id: 3, displayName: 'Cecilia Exempelsson', username: 'cecilia.hl', role: 'caseworker', disabled: false },
];

function row(seq: number, overrides: Partial<AuditRow> = {}): AuditRow {
  return {
    seq,
    at: '2026-03-04T09:15:00.000Z',
    user: { id: 3, displayName: 'Cecilia Exempelsson', username: 'cecilia.hl' },
    role: 'caseworker',
    action: 'read',
    entity: 'case',
    entityId: '7',
    caseId: 7,
    caseNumber: 'RV-2026-0007',
    protectionLevel: 'none',
    outcome: 'ok',
    reason: null,
    review: null,
    ...overrides,
  };
}

function select(label: string): HTMLSelectElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLSelectElement)) throw new Error(`"${label}" is not a select`);
  return element;
}

async function openReview(user = TEAM_LEAD) {
  const bridge = installBridge().ok('session:status', unlockedStatus(user)).ok('audit:users', USERS);
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${user.displayName}` });
  await app.user.click(button('Logg'));
  await screen.findByRole('heading', { level: 2, name: 'Loggkontroll' });
  return { bridge, ...app };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('log review view', () => {
  it('searches with the chosen filters and shows who did what, when, in which case', async () => {
    const { bridge, user } = await openReview();
    bridge.ok('audit:search', { rows: [row(12, { action: 'reveal', entity: 'protected_identity', reason: 'Ringde boendet' }), row(11)], nextBefore: null });
    await waitFor(() => expect(select('Användare').options).toHaveLength(3));
    await user.selectOptions(select('Användare'), '3');
    await user.type(input('Ärendenummer'), 'RV-2026-0007');
    await user.selectOptions(select('Händelse'), 'reveal');
    await user.type(input('Från och med'), '2026-03-01');
    await user.type(input('Till och med'), '2026-03-31');
    await user.selectOptions(select('Granskning'), 'no');
    await user.click(button('Sök'));

    const table = await screen.findByRole('table', { name: 'Loggrader' });
    expect(bridge.callsTo('audit:search')).toEqual([
      { userId: 3, caseNumber: 'RV-2026-0007', actions: ['reveal'], from: '2026-03-01', to: '2026-03-31', reviewed: false, limit: 100 },
    ]);
    const first = within(table).getAllByRole('row')[1];
    expect(first?.textContent).toContain('Cecilia Exempelsson (cecilia.hl)');
    expect(first?.textContent).toContain('Visade skyddade uppgifter');
    expect(first?.textContent).toContain('Ringde boendet');
    expect(first?.textContent).toContain('RV-2026-0007');
    expect(first?.textContent).toContain('Ej granskad');
  });

  it('refuses a bad period at the form, without asking the API', async () => {
    const { bridge, user } = await openReview();
    await user.type(input('Från och med'), '2026-04-01');
    await user.type(input('Till och med'), '2026-03-01');
    await user.click(button('Sök'));
    expect((await screen.findByRole('alert')).textContent).toContain('Slutdatumet ligger före startdatumet.');
    expect(bridge.callsTo('audit:search')).toEqual([]);
  });

  it('marks the chosen rows reviewed with a comment and shows the marks', async () => {
    const { bridge, user } = await openReview();
    let reviewed = false;
    bridge.on('audit:search', () => ({
      ok: true,
      result: {
        rows: [row(12), row(11), row(10)].map((r) =>
          reviewed && r.seq !== 10
            ? { ...r, review: { by: { id: 2, displayName: 'Bertil Provsson' }, at: '2026-04-01T08:00:00.000Z', comment: 'Planerat besök' } }
            : r,
        ),
        nextBefore: null,
      },
    }));
    bridge.on('audit:mark-reviewed', (i) => {
      reviewed = true;
      return { ok: true, result: { marked: i.seqs.length } };
    });
    await user.click(button('Sök'));
    await screen.findByRole('table', { name: 'Loggrader' });
    await user.click(button('Markera 0 rader som granskade'));
    expect((await screen.findByRole('alert')).textContent).toBe('Välj minst en rad först.');
    await user.click(screen.getByRole('checkbox', { name: 'Välj rad 12' }));
    await user.click(screen.getByRole('checkbox', { name: 'Välj rad 11' }));
    await user.type(screen.getByLabelText('Kommentar'), 'Planerat besök');
    await user.click(button('Markera 2 rader som granskade'));
    expect((await screen.findByRole('status')).textContent).toBe('2 rader markerade som granskade.');
    expect(bridge.callsTo('audit:mark-reviewed')).toEqual([{ seqs: [12, 11], comment: 'Planerat besök' }]);
    expect(bridge.callsTo('audit:search')).toHaveLength(2);
    const table = screen.getByRole('table', { name: 'Loggrader' });
    expect(within(table).getAllByText(/^Bertil Provsson, /)).toHaveLength(2);
    expect(within(table).getAllByText('Planerat besök')).toHaveLength(2);
  });

  it('draws the monthly sample for the chosen month and size', async () => {
    const { bridge, user } = await openReview();
    bridge.ok('audit:sample', { month: '2026-02', size: 5, population: 140, rows: [row(3), row(9)] });
    await user.click(screen.getByRole('radio', { name: 'Månadens stickprov' }));
    expect(input('Månad').value).toBe(previousMonth(new Date()));
    await user.clear(input('Månad'));
    await user.type(input('Månad'), '2026-02');
    await user.clear(input('Antal'));
    await user.type(input('Antal'), '5');
    await user.click(button('Ta fram stickprov'));
    expect(await screen.findByText('2 av 140 läsningar i ärenden under 2026-02.')).toBeTruthy();
    expect(bridge.callsTo('audit:sample')).toEqual([{ month: '2026-02', size: 5 }]);
  });

  it('lists protected-case access and pages on with "Visa fler"', async () => {
    const { bridge, user } = await openReview();
    bridge.on('audit:protected-access', (i) => ({
      ok: true,
      result:
        i.before === undefined
          ? { rows: [row(30, { protectionLevel: 'skyddad_folkbokforing' })], nextBefore: 30 }
          : { rows: [row(20, { protectionLevel: 'skyddad_folkbokforing' })], nextBefore: null },
    }));
    await user.click(screen.getByRole('radio', { name: 'Skyddade ärenden' }));
    await user.click(button('Visa'));
    await screen.findByRole('table', { name: 'Loggrader' });
    await user.click(button('Visa fler'));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(bridge.callsTo('audit:protected-access')).toEqual([{ limit: 100 }, { limit: 100, before: 30 }]);
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
  });

  it('exports what is shown and records a print before printing', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:log-1'), revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const printed: string[] = [];
    window.print = () => {
      printed.push('print');
    };
    const { bridge, user } = await openReview();
    bridge.ok('audit:search', { rows: [row(5)], nextBefore: null });
    bridge.ok('audit:export', { fileName: 'logg-sokning-2026-04-01.csv', mimeType: 'text/csv', base64: btoa('x') });
    bridge.on('audit:record-print', () => {
      printed.push('recorded');
      return { ok: true, result: { ok: true } };
    });
    await user.selectOptions(select('Utfall'), 'denied');
    await user.click(button('Sök'));
    await screen.findByRole('table', { name: 'Loggrader' });
    await user.click(button('Exportera CSV'));
    expect(await screen.findByText(/Filen logg-sokning-2026-04-01.csv är sparad/)).toBeTruthy();
    expect(bridge.callsTo('audit:export')).toEqual([{ view: 'search', filters: { outcome: 'denied' }, format: 'csv', language: 'sv' }]);
    expect(clicked).toEqual(['logg-sokning-2026-04-01.csv']);
    await user.click(button('Skriv ut'));
    await waitFor(() => expect(printed).toEqual(['recorded', 'print']));
    expect(bridge.callsTo('audit:record-print')).toEqual([{ entity: 'audit_review', entityId: 'search' }]);
  });

  it('does not print when the print cannot be recorded', async () => {
    let printed = 0;
    window.print = () => {
      printed++;
    };
    const { bridge, user } = await openReview();
    bridge.ok('audit:search', { rows: [row(5)], nextBefore: null }).fail('audit:record-print', { code: 'forbidden', message: 'no' });
    await user.click(button('Sök'));
    await screen.findByRole('table', { name: 'Loggrader' });
    await user.click(button('Skriv ut'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(printed).toBe(0);
  });

  it('is not offered to administrators, who keep the chain check only', async () => {
    installBridge().ok('session:status', unlockedStatus(ADMIN));
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.click(button('Logg'));
    expect(await screen.findByRole('button', { name: 'Kontrollera loggkedjan' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Loggkontroll' })).toBeNull();
  });
});

describe('case log extract', () => {
  const EXTRACT: CaseLogExtract = {
    caseId: 3,
    caseNumber: 'RV-2026-0003',
    generatedAt: '2026-04-02T10:00:00.000Z',
    chainHead: { seq: 88, hash: 'ab'.repeat(32) },
    entries: [
      {
        seq: 40,
        at: '2026-03-01T08:00:00.000Z',
        userName: 'Cecilia Exempelsson',
        role: 'caseworker',
        action: 'read',
        entity: 'journal',
        outcome: 'ok',
        reason: null,
      },
      {
        seq: 41,
        at: '2026-03-01T08:05:00.000Z',
        userName: 'Bertil Provsson',
        role: 'team_lead',
        action: 'reveal',
        entity: 'protected_identity',
        outcome: 'ok',
        reason: 'Behövde ringa boendet',
      },
    ],
  };

  it('opens from the case, lists who did what, and records a print against the case', async () => {
    const printed: string[] = [];
    window.print = () => {
      printed.push('print');
    };
    const detail = caseDetail();
    const bridge = caseworkBridge(CASEWORKER)
      .ok('cases:list', { total: 1, rows: [caseRow(2)] })
      .ok('cases:get', detail)
      .ok('audit:case-extract', { ...EXTRACT, caseId: detail.id });
    bridge.on('audit:record-print', () => {
      printed.push('recorded');
      return { ok: true, result: { ok: true } };
    });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    openCase(detail.id);
    await user.click(button('Ärenden'));
    await screen.findByRole('heading', { level: 1, name: `${detail.caseNumber} – ${detail.survivor.name}` });
    await user.click(button('Loggutdrag'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Loggutdrag för ärende RV-2026-0003' })).toBeTruthy();
    expect(bridge.callsTo('audit:case-extract')).toEqual([{ caseId: detail.id }]);
    const rows = within(screen.getByRole('table', { name: 'Loggrader' })).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Cecilia Exempelsson');
    expect(rows[1]?.textContent).toContain('Läste');
    expect(rows[1]?.textContent).toContain('journalen');
    expect(rows[2]?.textContent).toContain('Behövde ringa boendet');
    expect(screen.getByText(/sekvensnummer 88/)).toBeTruthy();

    await user.click(button('Skriv ut'));
    await waitFor(() => expect(printed).toEqual(['recorded', 'print']));
    expect(bridge.callsTo('audit:record-print')).toEqual([{ entity: 'case_log_extract', entityId: String(detail.id), caseId: detail.id }]);

    await user.click(button('Tillbaka till ärendet'));
    expect(await screen.findByRole('heading', { level: 1, name: `${detail.caseNumber} – ${detail.survivor.name}` })).toBeTruthy();
  });
});

describe('report printing', () => {
  it('records the print of a report before printing it', async () => {
    const printed: string[] = [];
    window.print = () => {
      printed.push('print');
    };
    const bridge = reportsBridge();
    bridge.on('audit:record-print', () => {
      printed.push('recorded');
      return { ok: true, result: { ok: true } };
    });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: /^Välkommen/ });
    await user.click(button('Rapporter'));
    await user.click(await screen.findByRole('button', { name: 'Skapa rapport' }));
    await screen.findByRole('heading', { level: 2, name: 'Rapport till socialnämnden' });
    await user.click(button('Skriv ut'));
    await waitFor(() => expect(printed).toEqual(['recorded', 'print']));
    const [sent] = bridge.callsTo('audit:record-print') as { entity: string }[];
    expect(sent?.entity).toBe('report');
  });
});
