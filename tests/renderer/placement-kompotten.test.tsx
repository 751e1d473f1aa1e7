import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KompottenMember, KompottenRequest } from '../../core/contract';
import { CASEWORKER, unlockedStatus } from './fixtures';
import { placementBridge, request } from './placement-fixtures';
import { button, renderApp } from './render-app';

const VASTERAS: KompottenMember = { municipalityCode: '1980', municipalityName: 'Västerås', contact: 'Samordnaren, 021-00 00 00' };
const UMEA: KompottenMember = { municipalityCode: '2480', municipalityName: 'Umeå', contact: '' };

async function openKompotten(members: KompottenMember[], requests: KompottenRequest[] = []) {
  const bridge = placementBridge().ok('session:status', unlockedStatus(CASEWORKER)).ok('kompotten:members', members).ok('kompotten:requests', requests);
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  await app.user.click(button('Kompotten'));
  await screen.findByRole('heading', { name: 'Medlemskommuner' });
  return { bridge, ...app };
}

describe('Kompotten view: members', () => {
  it('explains that the team keeps the list, and adds a member with a contact', async () => {
    const { bridge, user } = await openKompotten([VASTERAS]);
    expect(screen.getByText(/Det finns ingen offentlig lista över vilka kommuner som är med i Kompotten/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Medlemskommuner (1)' })).toBeTruthy();
    bridge.on('kompotten:set-member', (input) => ({
      ok: true,
      result: [VASTERAS, { municipalityCode: input.municipalityCode, municipalityName: 'Umeå', contact: input.contact }],
    }));

    const picker = screen.getByRole('combobox', { name: 'Kommun' });
    await user.type(picker, 'väs');
    // Members already in the list are not offered again.
    expect(screen.getByText('Ingen plats matchar sökningen.')).toBeTruthy();
    await user.clear(picker);
    await user.type(picker, 'um');
    expect(
      within(screen.getByRole('listbox', { name: 'Kommun' }))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Umeå']);
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Kontakt'), 'Mottagningen, 090-00 00 00');
    await user.click(button('Lägg till som medlem'));

    expect(await screen.findByText('Umeå är tillagd som medlem.')).toBeTruthy();
    expect(bridge.callsTo('kompotten:set-member')).toEqual([{ municipalityCode: '2480', member: true, contact: 'Mottagningen, 090-00 00 00' }]);
    const table = screen.getByRole('table', { name: 'Medlemskommuner (2)' });
    expect(within(within(table).getByRole('row', { name: /Umeå/ })).getByText('Mottagningen, 090-00 00 00')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Kommun' }) as HTMLInputElement).value).toBe('');
  });

  it('asks for a municipality before adding', async () => {
    const { bridge, user } = await openKompotten([]);
    expect(screen.getByText('Inga medlemskommuner är registrerade än.')).toBeTruthy();
    await user.click(button('Lägg till som medlem'));
    expect(screen.getByText('Välj en kommun.')).toBeTruthy();
    expect(bridge.callsTo('kompotten:set-member')).toHaveLength(0);
  });

  it('edits a member’s contact and removes a member after confirmation', async () => {
    const { bridge, user } = await openKompotten([VASTERAS, UMEA]);
    bridge.on('kompotten:set-member', (input) =>
      input.member
        ? { ok: true, result: [{ ...VASTERAS, contact: input.contact }, UMEA] }
        : { ok: true, result: [VASTERAS].filter((m) => m.municipalityCode !== input.municipalityCode) },
    );
    await user.click(button('Ändra kontakt för Västerås'));
    const contact = screen.getByLabelText('Kontakt i Västerås');
    await user.clear(contact);
    await user.type(contact, 'Ny samordnare');
    await user.click(button('Spara kontakten'));
    expect(await screen.findByText('Kontakten för Västerås är sparad.')).toBeTruthy();

    await user.click(button('Ta bort Umeå som medlem'));
    expect(screen.getByText('Ta bort Umeå från medlemslistan? Förfrågningarna i liggaren finns kvar.')).toBeTruthy();
    expect(document.activeElement).toBe(button('Ja, ta bort'));
    await user.click(button('Ja, ta bort'));
    expect(await screen.findByText('Umeå är borttagen från medlemslistan.')).toBeTruthy();
    expect(bridge.callsTo('kompotten:set-member')).toEqual([
      { municipalityCode: '1980', member: true, contact: 'Ny samordnare' },
      { municipalityCode: '2480', member: false, contact: '' },
    ]);
    expect(screen.queryByRole('row', { name: /Umeå/ })).toBeNull();
  });
});

describe('Kompotten view: ledger', () => {
  const LEDGER = [
    request(),
    request({
      id: 72,
      direction: 'received',
      counterpartCode: '2480',
      counterpartName: 'Umeå',
      caseId: null,
      caseNumber: null,
      date: '2026-02-15',
      outcome: 'accepted',
      notes: 'Trea i centrum',
    }),
    request({ id: 73, counterpartCode: '1280', counterpartName: 'Malmö', date: '2026-01-20', outcome: 'declined' }),
  ];

  it('lists requests newest first and filters by direction and outcome', async () => {
    const { user } = await openKompotten([VASTERAS], LEDGER);
    const table = screen.getByRole('table', { name: 'Förfrågningar i Kompotten' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]?.textContent)).toEqual(['15 feb. 2026', '1 feb. 2026', '20 jan. 2026']);
    expect(within(rows[0] as HTMLElement).getByText('Mottagen')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Inget ärende')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('RVT-2026-0007')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Visa riktning'), 'sent');
    expect(screen.getByText('Visar 2 av 3 förfrågningar.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Visa utfall'), 'declined');
    expect(screen.getByText('Visar 1 av 3 förfrågningar.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Förfrågningar i Kompotten' })).getByRole('rowheader').textContent).toBe('Malmö');
  });

  it('records a request and updates its outcome', async () => {
    const { bridge, user } = await openKompotten([VASTERAS], [request()]);
    bridge.on('kompotten:add-request', (input) => {
      const saved = request({ id: 74, ...input, counterpartName: 'Umeå', caseNumber: null });
      bridge.ok('kompotten:requests', [request(), saved]);
      return { ok: true, result: saved };
    });
    await user.click(button('Registrera förfrågan'));
    const form = screen.getByRole('region', { name: 'Registrera förfrågan' });
    await user.selectOptions(within(form).getByLabelText('Riktning'), 'received');
    await user.type(within(form).getByRole('combobox', { name: 'Kommun (motpart)' }), 'Umeå');
    await user.tab();
    const date = within(form).getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2026-03-08');
    await user.type(within(form).getByLabelText('Anteckningar'), 'Fråga om tvåa');
    await user.click(within(form).getByRole('button', { name: 'Spara förfrågan' }));
    expect(await screen.findByText('Förfrågan (Umeå) är registrerad.')).toBeTruthy();
    expect(bridge.callsTo('kompotten:add-request')).toEqual([
      { direction: 'received', counterpartCode: '2480', caseId: null, date: '2026-03-08', outcome: 'pending', notes: 'Fråga om tvåa' },
    ]);

    bridge.on('kompotten:update-request', (input) => {
      const updated = request({ outcome: input.outcome, notes: input.notes });
      bridge.ok('kompotten:requests', [updated]);
      return { ok: true, result: updated };
    });
    const ledger = (): HTMLElement => screen.getByRole('table', { name: 'Förfrågningar i Kompotten' });
    await within(ledger()).findByRole('row', { name: /Umeå/ });
    await user.click(button('Uppdatera förfrågan, Västerås 1 feb. 2026'));
    const update = screen.getByRole('form', { name: 'Uppdatera förfrågan, Västerås 1 feb. 2026' });
    await user.selectOptions(within(update).getByLabelText('Utfall'), 'accepted');
    await user.type(within(update).getByLabelText('Anteckningar'), 'Beviljad bostad');
    await user.click(within(update).getByRole('button', { name: 'Spara utfallet' }));
    expect(await screen.findByText('Förfrågan (Västerås) är uppdaterad.')).toBeTruthy();
    expect(bridge.callsTo('kompotten:update-request')).toEqual([{ id: 71, outcome: 'accepted', notes: 'Beviljad bostad' }]);
    expect(within(within(ledger()).getByRole('row', { name: /Västerås/ })).getByText('Beviljad')).toBeTruthy();
  });
});
