import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RetentionPreview, SessionUser } from '../../core/contract';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { caseworkBridge } from './casework-fixtures';
import { ADMIN, CASEWORKER, settings, TEAM_LEAD } from './fixtures';
import { button, input, renderApp } from './render-app';

/** A preview as the worker answers it: case numbers and dates only. */
function preview(overrides: Partial<RetentionPreview> = {}): RetentionPreview {
  return {
    generatedAt: '2026-03-01T09:00:00.000Z',
    today: '2026-03-01',
    rules: { retentionYears: 5, retentionKeepBirthDays: true, researchMunicipality: false },
    purge: [
      {
        caseNumber: 'RVT-2019-0007',
        closedAt: '2019-06-10',
        lastEntryAt: '2019-06-10',
        dueAt: '2024-06-10',
        deadline: '2025-12-31',
        overdue: true,
        decided: false,
      },
      {
        caseNumber: 'RVT-2021-0012',
        closedAt: '2021-02-01',
        lastEntryAt: '2021-03-01',
        dueAt: '2026-03-01',
        deadline: '2027-12-31',
        overdue: false,
        decided: false,
      },
    ],
    manual: [
      {
        caseNumber: 'RVT-2020-0003',
        reasons: ['birth_day_unknown', 'child_placed'],
        lastEntryAt: '2020-05-05',
        dueAt: '2025-05-05',
        deadline: '2026-12-31',
        overdue: false,
      },
    ],
    kept: { open: 42, research_municipality: 0, not_due: 17, birth_day: 3, decided_keep: 1 },
    ...overrides,
  };
}

async function openRetention(user: SessionUser, first: RetentionPreview = preview()) {
  const bridge = caseworkBridge(user).ok('retention:preview', first);
  const app = renderApp();
  await screen.findByRole('heading', { name: /^(Välkommen|Welcome)/ });
  const title = useLanguageStore.getState().language === 'en' ? 'Retention' : 'Gallring';
  await app.user.click(button(title));
  await screen.findByRole('heading', { level: 1, name: title });
  await screen.findByRole('heading', { level: 2, name: /^(Kan gallras nu|Can be purged now)/ });
  return { bridge, ...app };
}

function table(name: RegExp): HTMLElement {
  return screen.getByRole('table', { name });
}

describe('retention view: access', () => {
  it('is not offered to caseworkers', async () => {
    caseworkBridge(CASEWORKER);
    renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    expect(screen.queryByRole('button', { name: 'Gallring' })).toBeNull();
  });

  it('shows an administrator the preview but neither decisions nor the purge', async () => {
    const { bridge } = await openRetention(ADMIN);
    expect(within(table(/^Kan gallras nu/)).getByRole('rowheader', { name: 'RVT-2019-0007' })).toBeTruthy();
    expect(within(table(/^Behöver beslut/)).getByRole('rowheader', { name: 'RVT-2020-0003' })).toBeTruthy();
    expect(screen.getByText('Bara en gruppledare kan besluta om de här ärendena.')).toBeTruthy();
    expect(screen.getByText('Bara en gruppledare kan bekräfta en gallring.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /permanent/ })).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(bridge.callsTo('retention:preview')).toEqual([{}]);
  });
});

describe('retention view: the preview', () => {
  it('lists case numbers with last entry, due date and deadline, the rules, and kept counts by reason', async () => {
    await openRetention(TEAM_LEAD);
    const rows = within(table(/^Kan gallras nu \(2\)/)).getAllByRole('row');
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['Ärendenummer', 'Avslutat', 'Sista anteckning', 'Får gallras från', 'Ska vara gallrat senast', 'Anmärkning'],
      ['RVT-2019-0007', '10 juni 2019', '10 juni 2019', '10 juni 2024', '31 dec. 2025', 'Försenad'],
      ['RVT-2021-0012', '1 feb. 2021', '1 mars 2021', '1 mars 2026', '31 dec. 2027', ''],
    ]);
    expect(screen.getByText('Ett avslutat ärende gallras 5 år efter den sista anteckningen och senast vid utgången av året därefter.')).toBeTruthy();
    expect(screen.getByText('Personer födda den 5, 15 eller 25 i en månad sparas för forskning.')).toBeTruthy();
    expect(screen.getByText('Pågående ärenden').nextElementSibling?.textContent).toBe('42');
    expect(screen.getByText('Född den 5, 15 eller 25').nextElementSibling?.textContent).toBe('3');
  });

  it('says when nothing is due and offers no purge', async () => {
    await openRetention(TEAM_LEAD, preview({ purge: [], manual: [] }));
    expect(screen.getByText('Inga ärenden ska gallras i dag.')).toBeTruthy();
    expect(screen.getByText('Inga ärenden väntar på beslut.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /permanent/ })).toBeNull();
  });

  it('is in English too', async () => {
    useLanguageStore.setState({ language: 'en' });
    await openRetention(TEAM_LEAD);
    expect(screen.getByRole('heading', { level: 2, name: 'Needs a decision (1)' })).toBeTruthy();
    expect(screen.getByText('Birth day unknown (no personal identity number)')).toBeTruthy();
    expect(button('Permanently delete 2 cases')).toBeTruthy();
  });
});

describe('retention view: decisions', () => {
  it('lets a team lead decide a flagged case and shows the new preview', async () => {
    const { bridge, user } = await openRetention(TEAM_LEAD);
    const card = screen.getByRole('group', { name: 'Beslut för RVT-2020-0003' });
    expect(within(card).getByText('Födelsedagen är okänd (inget personnummer)')).toBeTruthy();
    expect(within(card).getByText('Ett barn bor eller är placerat utanför hemmet')).toBeTruthy();

    bridge.on('retention:decide', (i) => ({
      ok: true,
      result: preview({
        purge: [
          ...preview().purge,
          {
            caseNumber: i.caseNumber,
            closedAt: '2020-05-05',
            lastEntryAt: '2020-05-05',
            dueAt: '2025-05-05',
            deadline: '2026-12-31',
            overdue: false,
            decided: true,
          },
        ],
        manual: [],
      }),
    }));
    await user.click(button('Spara beslut'));
    expect(screen.getByText('Välj Spara eller Gallra.')).toBeTruthy();
    expect(bridge.callsTo('retention:decide')).toHaveLength(0);

    await user.click(within(card).getByRole('radio', { name: 'Gallra' }));
    await user.type(within(card).getByLabelText('Kommentar (valfri)'), 'Kontrollerat i pappersakten');
    await user.click(button('Spara beslut'));
    expect(await screen.findByText('Beslutet för RVT-2020-0003 är sparat.')).toBeTruthy();
    expect(bridge.callsTo('retention:decide')).toEqual([{ caseNumber: 'RVT-2020-0003', decision: 'purge', comment: 'Kontrollerat i pappersakten' }]);
    expect(within(table(/^Kan gallras nu \(3\)/)).getByText('Beslut: gallras')).toBeTruthy();
    expect(button('Radera 3 ärenden permanent')).toBeTruthy();
  });
});

describe('retention view: the purge', () => {
  it('needs the number of cases typed, then sends exactly the listed case numbers', async () => {
    const { bridge, user } = await openRetention(TEAM_LEAD);
    bridge.ok('retention:purge', { purged: 2, compacted: true });
    await user.click(button('Radera 2 ärenden permanent'));
    expect(screen.getByText('Skriv 2, antalet ärenden i listan.')).toBeTruthy();
    await user.type(input('Skriv antalet ärenden som ska raderas (2)'), '3');
    await user.click(button('Radera 2 ärenden permanent'));
    expect(bridge.callsTo('retention:purge')).toHaveLength(0);

    bridge.ok('retention:preview', preview({ purge: [] }));
    await user.clear(input('Skriv antalet ärenden som ska raderas (2)'));
    await user.type(input('Skriv antalet ärenden som ska raderas (2)'), '2{Enter}');
    expect(await screen.findByText('2 ärenden är gallrade.')).toBeTruthy();
    expect(bridge.callsTo('retention:purge')).toEqual([{ caseNumbers: ['RVT-2019-0007', 'RVT-2021-0012'], confirm: true }]);
    expect(await screen.findByText('Inga ärenden ska gallras i dag.')).toBeTruthy();
    expect(bridge.callsTo('retention:preview')).toHaveLength(2);
  });

  it('shows the new list when the purge is refused because the list changed', async () => {
    const { bridge, user } = await openRetention(TEAM_LEAD);
    bridge.fail('retention:purge', { code: 'not_allowed', message: 'The cases due for purging have changed since the preview.' });
    const changed = preview({
      generatedAt: '2026-03-01T09:05:00.000Z',
      purge: [
        ...preview().purge,
        {
          caseNumber: 'RVT-2021-0013',
          closedAt: '2021-03-02',
          lastEntryAt: '2021-03-02',
          dueAt: '2026-03-02',
          deadline: '2027-12-31',
          overdue: false,
          decided: false,
        },
      ],
    });
    bridge.ok('retention:preview', changed);
    await user.type(input('Skriv antalet ärenden som ska raderas (2)'), '2{Enter}');
    expect(await screen.findByText('Listan har ändrats sedan den visades. Ingenting är raderat. Titta på den nya listan och bekräfta igen.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Radera 3 ärenden permanent' })).toBeTruthy();
    expect(input('Skriv antalet ärenden som ska raderas (3)').value).toBe('');
  });
});

describe('retention settings', () => {
  it('let an administrator set the years, the birth-day rule and research municipality', async () => {
    const bridge = caseworkBridge(ADMIN).ok('settings:get', settings());
    bridge.on('settings:update', (update) => ({ ok: true, result: settings({ ...update }) }));
    const { user } = renderApp();
    await screen.findByRole('heading', { name: /^Välkommen/ });
    await user.click(button('Inställningar'));
    const years = await screen.findByLabelText('Gallra så här många år efter sista anteckningen');
    await user.clear(years);
    await user.type(years, '0');
    await user.click(button('Spara gallringsregler'));
    expect(screen.getByText('Ange ett antal år mellan 1 och 50.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toHaveLength(0);

    await user.clear(years);
    await user.type(years, '10');
    await user.click(screen.getByRole('checkbox', { name: 'Spara personer födda den 5, 15 och 25 i månaden' }));
    await user.click(screen.getByRole('checkbox', { name: 'Forskningskommun: spara allt' }));
    await user.click(button('Spara gallringsregler'));
    expect(await screen.findByText('Gallringsreglerna är sparade.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toEqual([{ retentionYears: 10, retentionKeepBirthDays: false, researchMunicipality: true }]);
  });
});
