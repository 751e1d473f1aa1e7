import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SupportItem } from '../../core/contract';
import { SupportSection } from '../../renderer/src/placement/support-section';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { CASE, placementBridge, renderSection } from './placement-fixtures';

function item(overrides: Partial<SupportItem> = {}): SupportItem {
  return { id: 101, caseId: 7, kind: 'school', agency: 'Skolan', status: 'in_progress', startDate: '2026-02-01', endDate: null, notes: '', ...overrides };
}

async function openSection(items: SupportItem[], caseDetail = CASE) {
  const bridge = placementBridge().ok('support:list', items);
  const app = renderSection(<SupportSection caseDetail={caseDetail} />);
  await waitFor(() => expect(screen.queryByText('Hämtar stödplanen …')).toBeNull());
  return { bridge, ...app };
}

describe('support plan (Bryt upp)', () => {
  it('lists items in the order of the kinds, with agency, status and dates', async () => {
    await openSection([
      item(),
      item({ id: 102, kind: 'protected_housing', agency: 'Socialtjänsten', status: 'done', startDate: '2026-01-10', endDate: '2026-02-20' }),
    ]);
    const rows = within(screen.getByRole('table', { name: 'Stödplanens insatser' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Skyddat boende', 'Förskola och skola']);
    expect(within(rows[0] as HTMLElement).getByText('Klar')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('10 jan. 2026 – 20 feb. 2026')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('från 1 feb. 2026')).toBeTruthy();
  });

  it('adds an item and checks the dates first', async () => {
    const { bridge, user } = await openSection([]);
    expect(screen.getByText('Inga insatser är registrerade.')).toBeTruthy();
    bridge.on('support:add', (input) => {
      const saved = item({ id: 103, ...input });
      bridge.ok('support:list', [saved]);
      return { ok: true, result: saved };
    });
    await user.click(screen.getByRole('button', { name: 'Lägg till insats' }));
    await user.selectOptions(screen.getByLabelText('Insats'), 'psychiatry');
    await user.selectOptions(screen.getByLabelText('Status'), 'requested');
    await user.type(screen.getByLabelText('Ansvarig aktör'), 'BUP');
    await user.type(screen.getByLabelText('Startdatum'), '2026-03-10');
    await user.type(screen.getByLabelText('Slutdatum'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Lägg till insatsen' }));
    expect(screen.getByText('Slutdatumet kan inte vara före startdatumet.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Slutdatum'));
    await user.type(screen.getByLabelText('Startdatum'), 'x');
    await user.click(screen.getByRole('button', { name: 'Lägg till insatsen' }));
    expect(screen.getByText('Ange datumet som ÅÅÅÅ-MM-DD.')).toBeTruthy();
    expect(bridge.callsTo('support:add')).toHaveLength(0);

    await user.type(screen.getByLabelText('Startdatum'), '{Backspace}');
    await user.type(screen.getByLabelText('Anteckningar'), 'Remiss skickad');
    await user.click(screen.getByRole('button', { name: 'Lägg till insatsen' }));
    expect(await screen.findByText('Insatsen Psykiatri är tillagd.')).toBeTruthy();
    expect(bridge.callsTo('support:add')).toEqual([
      { caseId: 7, kind: 'psychiatry', agency: 'BUP', status: 'requested', startDate: '2026-03-10', endDate: null, notes: 'Remiss skickad' },
    ]);
    expect(await screen.findByRole('rowheader', { name: 'Psykiatri' })).toBeTruthy();
  });

  it('edits an item', async () => {
    const { bridge, user } = await openSection([item()]);
    bridge.on('support:update', (input) => ({ ok: true, result: item({ ...input }) }));
    await user.click(screen.getByRole('button', { name: 'Ändra Förskola och skola, Skolan' }));
    expect((screen.getByLabelText('Ansvarig aktör') as HTMLInputElement).value).toBe('Skolan');
    await user.selectOptions(screen.getByLabelText('Status'), 'done');
    await user.type(screen.getByLabelText('Slutdatum'), '2026-06-15');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Insatsen Förskola och skola är ändrad.')).toBeTruthy();
    expect(bridge.callsTo('support:update')).toEqual([
      { id: 101, kind: 'school', agency: 'Skolan', status: 'done', startDate: '2026-02-01', endDate: '2026-06-15', notes: '' },
    ]);
  });

  it('offers no changes in a closed case, and speaks English when asked', async () => {
    useLanguageStore.setState({ language: 'en' });
    await openSection([item()], { ...CASE, status: 'closed' });
    expect(screen.getByRole('heading', { name: 'Support plan (Bryt upp)' })).toBeTruthy();
    expect(screen.getByText('The case is closed. The support plan cannot be changed.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('rowheader', { name: 'Preschool and school' })).toBeTruthy();
  });
});
