import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HousingStep, Shelter } from '../../core/contract';
import { HousingSection } from '../../renderer/src/placement/housing-section';
import { CASE, placementBridge, renderSection, shelter, step } from './placement-fixtures';

const EXPIRED = shelter({
  id: 82,
  name: 'Boende Ankaret',
  ivoValidUntil: '2025-12-31',
  permitStatus: 'expired',
  municipalityCode: '1280',
  municipalityName: 'Malmö',
});

async function openSection(steps: HousingStep[], shelters: Shelter[] = [shelter(), EXPIRED]) {
  const bridge = placementBridge().ok('housing:list', steps).ok('shelters:list', shelters);
  const app = renderSection(<HousingSection caseDetail={CASE} />);
  await screen.findByRole('heading', { name: 'Boendekedjan', level: 2 });
  await waitFor(() => expect(screen.queryByText('Hämtar boendekedjan …')).toBeNull());
  return { bridge, ...app };
}

async function typeDate(user: ReturnType<typeof renderSection>['user'], label: string, value: string, scope: HTMLElement = document.body) {
  const field = within(scope).getByLabelText(label);
  await user.clear(field);
  if (value !== '') await user.type(field, value);
}

describe('housing chain', () => {
  it('shows the household chain as a timeline in date order, and a child’s own chain under the child’s name', async () => {
    await openSection([
      step({
        id: 93,
        kind: 'own_lease',
        startDate: '2026-06-01',
        endDate: null,
        shelterId: null,
        shelterName: null,
        provider: 'Bostadsbolaget',
        costPerDay: null,
        outcome: 'ongoing',
      }),
      step({ id: 91 }),
      step({
        id: 92,
        kind: 'transitional',
        startDate: '2026-02-20',
        endDate: '2026-05-31',
        shelterId: null,
        shelterName: null,
        provider: 'Träningslägenheter AB',
        costPerDay: 420.5,
        obstacles: ['debts', 'rent_guarantee'],
        obstacleNote: 'Skuld hos Kronofogden',
      }),
      step({
        id: 94,
        childId: 31,
        childName: 'Ella Påhittad',
        kind: 'other',
        startDate: '2026-03-01',
        endDate: null,
        shelterId: null,
        shelterName: null,
        provider: 'Familjehem',
        outcome: 'ongoing',
        costPerDay: null,
      }),
    ]);

    const household = screen.getByRole('list', { name: 'Hushållets boendekedja' });
    const items = within(household).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading', { level: 4 }).textContent)).toEqual([
      'Skyddat boende12 jan. 2026 – 20 feb. 2026',
      'Försöks- eller träningslägenhet20 feb. 2026 – 31 maj 2026',
      'Eget förstahandskontraktfrån 1 juni 2026, pågår',
    ]);
    const first = items[0] as HTMLElement;
    expect(within(first).getByText('Boende Fyren')).toBeTruthy();
    expect(within(first).getByText('Västerås')).toBeTruthy();
    expect(within(first).getByText(/1\s850\skr per dygn/)).toBeTruthy();
    expect(within(first).getByText('Gick vidare till nästa steg')).toBeTruthy();
    const second = items[1] as HTMLElement;
    expect(within(second).getByText('Träningslägenheter AB')).toBeTruthy();
    expect(within(second).getByText(/420,5\s?0?\skr per dygn/)).toBeTruthy();
    expect(within(second).getByText('Skulder, Behöver hyresgaranti')).toBeTruthy();
    expect(within(second).getByText('Skuld hos Kronofogden')).toBeTruthy();

    const child = screen.getByRole('list', { name: 'Egen boendekedja för Ella Påhittad' });
    expect(within(child).getAllByRole('listitem')).toHaveLength(1);
    expect(within(child).getByText('Familjehem')).toBeTruthy();
    expect(within(household).queryByText('Familjehem')).toBeNull();
  });

  it('requires a reason to place in a shelter whose IVO permit has expired, and sends it', async () => {
    const { bridge, user } = await openSection([]);
    bridge.on('housing:add-step', (input) => ({
      ok: true,
      result: step({ id: 95, ...input, shelterName: 'Boende Ankaret', childName: null, place: null, permitOverrideReason: input.permitOverrideReason ?? null }),
    }));
    await user.click(screen.getByRole('button', { name: 'Lägg till steg' }));
    const form = screen.getByRole('region', { name: 'Lägg till steg i boendekedjan' });
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Lägg till steg i boendekedjan' }));
    await typeDate(user, 'Startdatum', '2026-03-01', form);

    // A shelter with a valid permit needs no reason.
    await user.selectOptions(within(form).getByLabelText('Boende i registret'), '81');
    expect(within(form).queryByLabelText('Motivering till placering utan giltigt IVO-tillstånd')).toBeNull();

    const shelterSelect = within(form).getByLabelText('Boende i registret');
    expect(within(shelterSelect).getByRole('option', { name: 'Boende Ankaret, Malmö – Tillståndet har gått ut' })).toBeTruthy();
    await user.selectOptions(shelterSelect, '82');
    expect(within(form).getByRole('alert').textContent).toContain('IVO-tillståndet för Boende Ankaret gick ut 31 dec. 2025.');
    await user.type(within(form).getByLabelText('Kostnad per dygn (kr)'), '1 950,50');
    await user.click(within(form).getByRole('button', { name: 'Lägg till steget' }));
    expect(within(form).getByText('Skriv en motivering.')).toBeTruthy();
    expect(bridge.callsTo('housing:add-step')).toHaveLength(0);

    await user.type(within(form).getByLabelText('Motivering till placering utan giltigt IVO-tillstånd'), 'Enda boendet med plats för fyra barn i natt.');
    await user.click(within(form).getByLabelText('Parallellt med ett annat steg'));
    await user.click(within(form).getByLabelText('Skulder'));
    await user.click(within(form).getByRole('button', { name: 'Lägg till steget' }));

    expect(await screen.findByText('Steget Skyddat boende är tillagt i boendekedjan.')).toBeTruthy();
    expect(bridge.callsTo('housing:add-step')).toEqual([
      {
        caseId: 7,
        childId: null,
        kind: 'protected_shelter',
        startDate: '2026-03-01',
        endDate: null,
        provider: '',
        shelterId: 82,
        place: null,
        costPerDay: 1950.5,
        outcome: 'ongoing',
        obstacles: ['debts'],
        obstacleNote: '',
        parallel: true,
        permitOverrideReason: 'Enda boendet med plats för fyra barn i natt.',
      },
    ]);
  });

  it('judges the permit on the start date: a permit that expires later needs no reason', async () => {
    const { user } = await openSection([], [shelter({ id: 83, name: 'Boende Hamnen', ivoValidUntil: '2026-06-30' })]);
    await user.click(screen.getByRole('button', { name: 'Lägg till steg' }));
    await typeDate(user, 'Startdatum', '2026-06-30');
    await user.selectOptions(screen.getByLabelText('Boende i registret'), '83');
    expect(screen.queryByLabelText('Motivering till placering utan giltigt IVO-tillstånd')).toBeNull();
    await typeDate(user, 'Startdatum', '2026-07-01');
    expect(screen.getByLabelText('Motivering till placering utan giltigt IVO-tillstånd')).toBeTruthy();
  });

  it('asks for the reason when the API finds the permit invalid on the start date', async () => {
    const { bridge, user } = await openSection([]);
    bridge.fail('housing:add-step', { code: 'reason_required', message: 'This shelter has no valid IVO permit on the start date.' });
    await user.click(screen.getByRole('button', { name: 'Lägg till steg' }));
    await typeDate(user, 'Startdatum', '2026-03-01');
    await user.selectOptions(screen.getByLabelText('Boende i registret'), '81');
    await user.click(screen.getByRole('button', { name: 'Lägg till steget' }));
    const reason = await screen.findByLabelText('Motivering till placering utan giltigt IVO-tillstånd');
    expect(document.activeElement).toBe(reason);
    expect(screen.getByText('Boende Fyren har inget giltigt IVO-tillstånd på startdatumet.')).toBeTruthy();
    expect(bridge.callsTo('housing:add-step')[0]).not.toHaveProperty('permitOverrideReason');
    await user.type(reason, 'Akut placering i natt.');
    await user.click(screen.getByRole('button', { name: 'Lägg till steget' }));
    await waitFor(() => expect(bridge.callsTo('housing:add-step')).toHaveLength(2));
    expect(bridge.callsTo('housing:add-step')[1]).toMatchObject({ shelterId: 81, permitOverrideReason: 'Akut placering i natt.' });
  });

  it('shows an overlap clearly and keeps what was typed', async () => {
    const { bridge, user } = await openSection([step()]);
    bridge.fail('housing:add-step', {
      code: 'overlap',
      message: 'These dates overlap the protected shelter step from 2026-01-12 to 2026-02-20 in the same housing chain.',
      reason: 'step_overlap',
      params: { kind: 'protected_shelter', start: '2026-01-12', end: '2026-02-20' },
    });
    await user.click(screen.getByRole('button', { name: 'Lägg till steg' }));
    await user.selectOptions(screen.getByLabelText('Typ av steg'), 'transitional');
    await typeDate(user, 'Startdatum', '2026-02-01');
    await user.type(screen.getByLabelText('Anordnare eller hyresvärd'), 'Träningslägenheter AB');
    await user.click(screen.getByRole('button', { name: 'Lägg till steget' }));

    const alerts = await screen.findAllByRole('alert');
    const text = alerts.map((a) => a.textContent).join(' ');
    expect(text).toContain('Steget överlappar ett annat steg i boendekedjan som inte är markerat som parallellt.');
    // Said in Swedish from the reason and its params: the step kind by its label, the dates as Swedish writes them.
    expect(text).toContain('Datumen överlappar steget Skyddat boende från 12 jan. 2026 till 20 feb. 2026 i samma boendekedja.');
    expect(text).not.toMatch(/overlap the|protected_shelter|2026-01-12/);
    const start = screen.getByLabelText('Startdatum') as HTMLInputElement;
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(start);
    expect(start.value).toBe('2026-02-01');
    expect((screen.getByLabelText('Anordnare eller hyresvärd') as HTMLInputElement).value).toBe('Träningslägenheter AB');
  });

  it('checks dates and the cost on the client', async () => {
    const { bridge, user } = await openSection([]);
    await user.click(screen.getByRole('button', { name: 'Lägg till steg' }));
    await typeDate(user, 'Startdatum', '2026-03-10');
    await typeDate(user, 'Slutdatum', '2026-03-01');
    await user.type(screen.getByLabelText('Kostnad per dygn (kr)'), 'tusen');
    await user.click(screen.getByRole('button', { name: 'Lägg till steget' }));
    expect(screen.getByText('Slutdatumet kan inte vara före startdatumet.')).toBeTruthy();
    expect(screen.getByText('Ange ett belopp i kronor, till exempel 1250 eller 1250,50.')).toBeTruthy();
    expect(bridge.callsTo('housing:add-step')).toHaveLength(0);
  });

  it('edits a step of a child’s own chain', async () => {
    const childStep = step({
      id: 94,
      childId: 31,
      childName: 'Ella Påhittad',
      kind: 'other',
      startDate: '2026-03-01',
      endDate: null,
      shelterId: null,
      shelterName: null,
      provider: 'Familjehem',
      costPerDay: null,
      outcome: 'ongoing',
    });
    const { bridge, user } = await openSection([childStep]);
    bridge.on('housing:update-step', (input) => ({ ok: true, result: { ...childStep, endDate: input.endDate, outcome: input.outcome } }));
    await user.click(screen.getByRole('button', { name: 'Ändra Annat boende, från 1 mars 2026, pågår' }));
    expect((screen.getByLabelText('Vems boendekedja') as HTMLSelectElement).value).toBe('31');
    await typeDate(user, 'Slutdatum', '2026-04-15');
    await user.selectOptions(screen.getByLabelText('Utfall'), 'moved_on');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Steget Annat boende är ändrat.')).toBeTruthy();
    expect(bridge.callsTo('housing:update-step')).toEqual([
      {
        id: 94,
        childId: 31,
        kind: 'other',
        startDate: '2026-03-01',
        endDate: '2026-04-15',
        provider: 'Familjehem',
        shelterId: null,
        place: { kind: 'municipality', code: '1980' },
        costPerDay: null,
        outcome: 'moved_on',
        obstacles: [],
        obstacleNote: '',
        parallel: false,
      },
    ]);
  });
});
