import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Move } from '../../core/contract';
import { MovesSection } from '../../renderer/src/placement/moves-section';
import { unmasked } from '../helpers/protect';
import { CASE, farCheck, move, nearCheck, placementBridge, renderSection } from './placement-fixtures';

function moveCard(title: string): HTMLElement {
  return screen.getByRole('article', { name: title });
}

async function openSection(moves: Move[]) {
  const bridge = placementBridge().ok('moves:list', moves).ok('kompotten:requests', []);
  const app = renderSection(<MovesSection caseDetail={CASE} />);
  await screen.findByRole('heading', { name: 'Flyttar', level: 2 });
  await waitFor(() => expect(screen.queryByText('Hämtar flyttar …')).toBeNull());
  return { bridge, ...app };
}

describe('moves section: planning a move with the safe-distance check', () => {
  it('shows the check of a near destination with a warning before saving, and checks again when another destination is chosen', async () => {
    const { bridge, user } = await openSection([]);
    bridge.on('moves:check-destination', (input) => ({ ok: true, result: input.to.code === '0163' ? nearCheck() : farCheck() }));
    await user.click(screen.getByRole('button', { name: 'Planera en flytt' }));

    const to = await screen.findByRole('combobox', { name: 'Till' });
    await waitFor(() => expect((to as HTMLInputElement).disabled).toBe(false));
    await user.type(to, 'sollen');
    await user.keyboard('{Enter}');
    expect((to as HTMLInputElement).value).toBe('Sollentuna');

    const warning = await screen.findByRole('alert');
    expect(warning.textContent).toContain('Varning: Sollentuna ligger i eller nära ett område där en förövare finns.');
    expect(warning.textContent).toContain('Förövare Exempel, Stockholm: 14,2 km – närmare än 100 km');
    const table = screen.getByRole('table', { name: 'Avståndskontroll för Sollentuna' });
    const row = within(table).getByRole('row', { name: /Förövare Exempel/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Stockholm', '14,2', 'Nej', 'Ja', 'Varning: närmare än 100 km']);
    expect(bridge.callsTo('moves:check-destination')).toEqual([{ caseId: 7, to: { kind: 'municipality', code: '0163' } }]);
    expect(bridge.callsTo('moves:create')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Spara flytten trots varningen' })).toBeTruthy();

    // Choose another destination: the check runs again and the warning goes away.
    await user.click(screen.getByRole('button', { name: 'Välj en annan destination' }));
    expect(document.activeElement).toBe(to);
    await user.clear(to);
    await user.type(to, 'umea');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Inget känt område för förövare ligger för nära Umeå. Det närmaste ligger 509,3 km bort.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(bridge.callsTo('moves:check-destination')).toEqual([
      { caseId: 7, to: { kind: 'municipality', code: '0163' } },
      { caseId: 7, to: { kind: 'municipality', code: '2480' } },
    ]);

    bridge.on('moves:create', () => {
      bridge.ok('moves:list', [move()]);
      return { ok: true, result: move() };
    });
    await user.selectOptions(screen.getByLabelText('Väg'), 'own_application');
    const date = screen.getByLabelText('Planerat datum');
    await user.clear(date);
    await user.type(date, '2026-03-10');
    await user.type(screen.getByLabelText('Kontakt hos mottagaren'), 'Mottagningen');
    await user.click(screen.getByRole('button', { name: 'Spara flytten' }));

    expect(await screen.findByText('Flytten till Umeå är sparad som planerad.')).toBeTruthy();
    expect(bridge.callsTo('moves:create')).toEqual([
      {
        caseId: 7,
        from: null,
        to: { kind: 'municipality', code: '2480' },
        route: 'own_application',
        plannedDate: '2026-03-10',
        receivingContact: 'Mottagningen',
        notes: '',
      },
    ]);
    expect(await screen.findByRole('article', { name: 'Skärholmen till Umeå' })).toBeTruthy();
  });

  it('asks for a destination and keeps what was typed when the API refuses the input', async () => {
    const { bridge, user } = await openSection([]);
    bridge.fail('moves:create', { code: 'invalid_input', message: 'invalid_input', issues: [{ path: ['plannedDate'], message: 'date_format' }] });
    bridge.ok('moves:check-destination', farCheck());
    await user.click(screen.getByRole('button', { name: 'Planera en flytt' }));
    await user.type(screen.getByLabelText('Kontakt hos mottagaren'), 'Mottagningen');
    await user.click(screen.getByRole('button', { name: 'Spara flytten' }));
    expect(screen.getByText('Välj en plats i listan.')).toBeTruthy();
    expect(bridge.callsTo('moves:create')).toHaveLength(0);

    const to = screen.getByRole('combobox', { name: 'Till' });
    await waitFor(() => expect((to as HTMLInputElement).disabled).toBe(false));
    await user.type(to, 'Umeå');
    await user.tab();
    await screen.findByText(/Det närmaste ligger 509,3 km bort/);
    await user.click(screen.getByRole('button', { name: 'Spara flytten' }));
    expect(await screen.findByText('Ange datumet som ÅÅÅÅ-MM-DD.')).toBeTruthy();
    expect((screen.getByLabelText('Kontakt hos mottagaren') as HTMLInputElement).value).toBe('Mottagningen');
    expect((to as HTMLInputElement).value).toBe('Umeå');
  });
});

describe('moves section: transitions', () => {
  it('offers only the statuses the workflow allows next', async () => {
    await openSection([
      move({ id: 61, status: 'offered' }),
      move({ id: 62, status: 'completed', to: { kind: 'municipality', code: '1280', name: 'Malmö' } }),
      move({ id: 63, status: 'planned', from: null, to: { kind: 'municipality', code: '1980', name: 'Västerås' } }),
    ]);
    const offered = moveCard('Skärholmen till Umeå');
    const buttons = within(within(offered).getByRole('group', { name: 'Ändra status: Skärholmen till Umeå' })).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Acceptera flytten', 'Markera som avböjd', 'Avbryt flytten']);

    expect(within(moveCard('Skärholmen till Malmö')).queryByRole('group', { name: /Ändra status/ })).toBeNull();
    expect(
      within(moveCard('Skärholmen till Malmö'))
        .queryAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([]);
    expect(within(moveCard('Skärholmen till Malmö')).getByText('Genomförd')).toBeTruthy();

    const planned = within(moveCard('Flytt till Västerås')).getAllByRole('button', { name: /Registrera|Acceptera|Avbryt|Markera/ });
    expect(planned.map((b) => b.textContent)).toEqual(['Registrera förfrågan', 'Avbryt flytten']);
  });

  it('shows each transition with its date and who recorded it', async () => {
    await openSection([
      move({
        status: 'requested',
        transitions: [
          { status: 'planned', date: '2026-03-01', recordedBy: 'Cecilia Exempelsson', recordedAt: '2026-03-01T08:00:00.000Z' },
          { status: 'requested', date: '2026-03-04', recordedBy: 'Bertil Provsson', recordedAt: '2026-03-04T08:00:00.000Z' },
        ],
      }),
    ]);
    const history = within(moveCard('Skärholmen till Umeå')).getAllByRole('listitem');
    expect(history[0]?.textContent).toMatch(/^Planerad 1 mars 2026 – registrerat av Cecilia Exempelsson/);
    expect(history[1]?.textContent).toMatch(/^Förfrågan skickad 4 mars 2026 – registrerat av Bertil Provsson/);
  });

  it('demands a written reason before accepting a move whose check warns, and sends it', async () => {
    const warned = move({ status: 'offered', to: { kind: 'municipality', code: '0163', name: 'Sollentuna' }, check: nearCheck() });
    const { bridge, user } = await openSection([warned]);
    bridge.on('moves:transition', (input) => {
      const accepted = { ...warned, status: 'accepted' as const, overrideReason: input.overrideReason ?? null };
      bridge.ok('moves:list', [accepted]);
      return { ok: true, result: accepted };
    });
    const card = moveCard('Skärholmen till Sollentuna');
    expect(within(card).getByText('Avståndsvarning')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Acceptera flytten' }));

    const date = within(card).getByLabelText('Datum');
    expect(document.activeElement).toBe(date);
    await user.clear(date);
    await user.type(date, '2026-03-05');
    await user.click(within(card).getByRole('button', { name: 'Spara status Accepterad' }));
    expect(within(card).getByText('Skriv en motivering.')).toBeTruthy();
    const reason = within(card).getByLabelText('Motivering trots avståndsvarningen');
    expect(document.activeElement).toBe(reason);
    expect(bridge.callsTo('moves:transition')).toHaveLength(0);

    await user.type(reason, 'Förövaren har kontaktförbud och bor utomlands.');
    await user.click(within(card).getByRole('button', { name: 'Spara status Accepterad' }));
    expect(await screen.findByText('Flytten till Sollentuna har nu status Accepterad.')).toBeTruthy();
    expect(bridge.callsTo('moves:transition')).toEqual([
      { id: 61, to: 'accepted', date: '2026-03-05', overrideReason: 'Förövaren har kontaktförbud och bor utomlands.' },
    ]);
  });

  it('asks for the reason when the API re-checks the destination and answers reason_required', async () => {
    const { bridge, user } = await openSection([move({ status: 'offered' })]);
    bridge.fail('moves:transition', { code: 'reason_required', message: 'The destination is too close to a known perpetrator area.' });
    const card = moveCard('Skärholmen till Umeå');
    await user.click(within(card).getByRole('button', { name: 'Acceptera flytten' }));
    expect(within(card).queryByLabelText('Motivering trots avståndsvarningen')).toBeNull();
    await user.click(within(card).getByRole('button', { name: 'Spara status Accepterad' }));

    const reason = await within(card).findByLabelText('Motivering trots avståndsvarningen');
    expect(document.activeElement).toBe(reason);
    expect(within(card).getByText(/En ny kontroll visar att destinationen nu ligger för nära/)).toBeTruthy();
    expect(bridge.callsTo('moves:transition')).toHaveLength(1);
    expect(bridge.callsTo('moves:transition')[0]).not.toHaveProperty('overrideReason');

    bridge.on('moves:transition', (input) => ({ ok: true, result: move({ status: 'accepted', overrideReason: input.overrideReason ?? null }) }));
    await user.type(reason, 'Bedömd som säker efter samråd.');
    await user.click(within(card).getByRole('button', { name: 'Spara status Accepterad' }));
    await screen.findByText('Flytten till Umeå har nu status Accepterad.');
    expect(bridge.callsTo('moves:transition')[1]).toMatchObject({ to: 'accepted', overrideReason: 'Bedömd som säker efter samråd.' });
  });

  it('says in Swedish why the workflow refuses a transition, with the statuses as labels', async () => {
    const { bridge, user } = await openSection([move({ status: 'planned' })]);
    bridge.fail('moves:transition', {
      code: 'not_allowed',
      message: 'A move cannot go back from offered to requested. From offered it can only become accepted, declined or cancelled.',
      reason: 'move_transition_goes_back',
      params: { from: 'offered', to: 'requested', allowed: ['accepted', 'declined', 'cancelled'] },
    });
    const card = moveCard('Skärholmen till Umeå');
    await user.click(within(card).getByRole('button', { name: 'Registrera förfrågan' }));
    await user.click(within(card).getByRole('button', { name: 'Spara status Förfrågan skickad' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain('Ändringen är inte tillåten i det här läget.');
    expect(alert.textContent).toContain(
      'En flytt kan inte gå tillbaka från Erbjuden till Förfrågan skickad. Från Erbjuden kan den bara bli Accepterad, Avböjd eller Avbruten.',
    );
    expect(alert.textContent).not.toMatch(/offered|move|cannot/i);
    // The list is reloaded to show where the move really is.
    await waitFor(() => expect(bridge.callsTo('moves:list')).toHaveLength(2));
  });

  it('refuses a date before the previous step on the client', async () => {
    const { bridge, user } = await openSection([move({ status: 'planned' })]);
    const card = moveCard('Skärholmen till Umeå');
    await user.click(within(card).getByRole('button', { name: 'Avbryt flytten' }));
    const date = within(card).getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2026-02-27');
    await user.click(within(card).getByRole('button', { name: 'Spara status Avbruten' }));
    expect(within(card).getByText('Datumet kan inte vara före datumet för flyttens förra steg.')).toBeTruthy();
    expect(bridge.callsTo('moves:transition')).toHaveLength(0);
  });
});

describe('moves section: Kompotten', () => {
  it('offers to record a ledger request after planning a Kompotten move, and records it for the case', async () => {
    const kompottenMove = move({ id: 64, route: 'kompotten', from: null, to: { kind: 'municipality', code: '1980', name: 'Västerås' } });
    const { bridge, user } = await openSection([]);
    bridge.ok('moves:check-destination', { ...farCheck(), destination: unmasked(kompottenMove.to) });
    bridge.on('moves:create', () => {
      bridge.ok('moves:list', [kompottenMove]);
      return { ok: true, result: kompottenMove };
    });
    await user.click(screen.getByRole('button', { name: 'Planera en flytt' }));
    const to = screen.getByRole('combobox', { name: 'Till' });
    await waitFor(() => expect((to as HTMLInputElement).disabled).toBe(false));
    await user.type(to, 'väst');
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    await user.selectOptions(screen.getByLabelText('Väg'), 'kompotten');
    await user.click(await screen.findByRole('button', { name: 'Spara flytten' }));

    const ledger = await screen.findByRole('region', { name: 'Förfrågan i Kompotten-liggaren' });
    expect((within(ledger).getByRole('combobox', { name: 'Kommun (motpart)' }) as HTMLInputElement).value).toBe('Västerås');
    bridge.on('kompotten:add-request', (input) => {
      bridge.ok('kompotten:requests', [{ id: 71, ...input, caseId: 7, caseNumber: 'RVT-2026-0007', counterpartName: 'Västerås', notes: input.notes }]);
      return { ok: true, result: { id: 71, ...input, caseId: 7, caseNumber: 'RVT-2026-0007', counterpartName: 'Västerås' } };
    });
    const date = within(ledger).getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2026-03-03');
    await user.type(within(ledger).getByLabelText('Anteckningar'), 'Skickad via mejl till samordnaren.');
    await user.click(within(ledger).getByRole('button', { name: 'Spara förfrågan' }));

    expect(await screen.findByText('Förfrågan till Västerås är införd i Kompotten-liggaren.')).toBeTruthy();
    expect(bridge.callsTo('kompotten:add-request')).toEqual([
      { direction: 'sent', counterpartCode: '1980', caseId: 7, date: '2026-03-03', outcome: 'pending', notes: 'Skickad via mejl till samordnaren.' },
    ]);
    const table = await screen.findByRole('table', { name: 'Ärendets förfrågningar i Kompotten' });
    expect(within(table).getByText('Väntar på svar')).toBeTruthy();
  });
});
