import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Shelter } from '../../core/contract';
import { CASEWORKER, unlockedStatus } from './fixtures';
import { placementBridge, shelter } from './placement-fixtures';
import { button, renderApp } from './render-app';

const REGISTER: Shelter[] = [
  shelter(),
  shelter({
    id: 82,
    name: 'Boende Ankaret',
    ivoValidUntil: '2025-12-31',
    permitStatus: 'expired',
    specialisations: [],
    languages: '',
    occupancy: { adults: 0, children: 0 },
  }),
  shelter({
    id: 84,
    name: 'Boende Eken',
    ivoKind: 'registration',
    ivoNumber: 'R-55',
    permitStatus: 'missing',
    capacityAdults: 2,
    capacityChildren: 2,
    occupancy: { adults: 2, children: 2 },
    specialisations: ['pets', 'men'],
  }),
];

async function openShelters(shelters: Shelter[] = REGISTER) {
  const bridge = placementBridge().ok('session:status', unlockedStatus(CASEWORKER)).ok('shelters:list', shelters);
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
  await app.user.click(button('Skyddade boenden'));
  await screen.findByRole('table', { name: 'Registrerade skyddade boenden' });
  return { bridge, ...app };
}

function row(name: string): HTMLElement {
  return screen.getByRole('row', { name: new RegExp(`^${name}`) });
}

describe('shelters view', () => {
  it('shows permit badges and current occupancy from open placements', async () => {
    await openShelters();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Skyddade boenden', level: 1 }));

    const fyren = row('Boende Fyren');
    expect(within(fyren).getByText('Giltigt tillstånd')).toBeTruthy();
    expect(within(fyren).getByText('Tillstånd IVO 3.5-1234/2024')).toBeTruthy();
    expect(within(fyren).getByText('2 av 6 platser för vuxna')).toBeTruthy();
    expect(within(fyren).getByText('3 av 8 platser för barn')).toBeTruthy();
    expect(within(fyren).getByText('Hedersrelaterat våld')).toBeTruthy();
    expect(within(fyren).queryByText('Fullt')).toBeNull();

    const ankaret = row('Boende Ankaret');
    expect(within(ankaret).getByText('Tillståndet har gått ut').className).toContain('pl-badge-danger');
    expect(within(ankaret).getByText('Gäller till och med 31 dec. 2025')).toBeTruthy();

    const eken = row('Boende Eken');
    expect(within(eken).getByText('Tillstånd saknas').className).toContain('pl-badge-danger');
    expect(within(eken).getByText('Registrering R-55')).toBeTruthy();
    expect(within(eken).getByText('Fullt')).toBeTruthy();
    expect(within(eken).getByText('Män, Husdjur')).toBeTruthy();
  });

  it('adds a shelter after checking the form on the client', async () => {
    const { bridge, user } = await openShelters([shelter()]);
    await user.click(button('Lägg till boende'));
    await user.clear(screen.getByLabelText('Platser för vuxna'));
    await user.type(screen.getByLabelText('Platser för vuxna'), 'fyra');
    await user.click(button('Lägg till boendet'));
    expect(screen.getByText('Fyll i det här fältet.')).toBeTruthy();
    expect(screen.getByText('Välj en kommun.')).toBeTruthy();
    expect(screen.getAllByText('Ange ett heltal mellan 0 och 500.')).toHaveLength(2);
    expect(bridge.callsTo('shelters:create')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByLabelText('Namn'));

    const created = shelter({
      id: 85,
      name: 'Boende Björken',
      municipalityCode: '1280',
      municipalityName: 'Malmö',
      ivoKind: 'registration',
      permitStatus: 'missing',
    });
    bridge.on('shelters:create', () => {
      bridge.ok('shelters:list', [shelter(), created]);
      return { ok: true, result: created };
    });
    await user.type(screen.getByLabelText('Namn'), 'Boende Björken');
    await user.type(screen.getByRole('combobox', { name: 'Kommun' }), 'malmo');
    await user.keyboard('{Enter}');
    await user.selectOptions(screen.getByLabelText('Tillstånd eller registrering'), 'registration');
    expect(screen.queryByLabelText('Tillståndet gäller till och med')).toBeNull();
    await user.type(screen.getByLabelText('Registreringsnummer'), 'R-77');
    await user.clear(screen.getByLabelText('Platser för vuxna'));
    await user.type(screen.getByLabelText('Platser för vuxna'), '4');
    await user.type(screen.getByLabelText('Platser för barn'), '6');
    await user.click(screen.getByLabelText('Husdjur'));
    await user.click(screen.getByLabelText('Hedersrelaterat våld'));
    await user.click(button('Lägg till boendet'));

    expect(await screen.findByText('Boende Björken är tillagt i registret.')).toBeTruthy();
    expect(bridge.callsTo('shelters:create')).toEqual([
      {
        name: 'Boende Björken',
        operator: '',
        municipalityCode: '1280',
        ivoKind: 'registration',
        ivoNumber: 'R-77',
        ivoValidUntil: null,
        capacityAdults: 4,
        capacityChildren: 6,
        specialisations: ['honour_violence', 'pets'],
        languages: '',
        contact: '',
      },
    ]);
    expect(await screen.findByRole('row', { name: /^Boende Björken/ })).toBeTruthy();
    expect(document.activeElement).toBe(button('Lägg till boende'));
  });

  it('edits a shelter’s permit', async () => {
    const { bridge, user } = await openShelters([shelter()]);
    bridge.on('shelters:update', (input) => ({ ok: true, result: shelter({ ivoValidUntil: input.ivoValidUntil ?? null }) }));
    await user.click(button('Ändra Boende Fyren'));
    expect(screen.getByRole('heading', { name: 'Ändra Boende Fyren' })).toBeTruthy();
    expect((screen.getByLabelText('Namn') as HTMLInputElement).value).toBe('Boende Fyren');
    expect((screen.getByRole('combobox', { name: 'Kommun' }) as HTMLInputElement).value).toBe('Västerås');
    await user.type(screen.getByLabelText('Tillståndet gäller till och med'), '2027-03-31');
    await user.click(button('Spara ändringarna'));
    expect(await screen.findByText('Boende Fyren är ändrat.')).toBeTruthy();
    expect(bridge.callsTo('shelters:update')).toEqual([
      {
        id: 81,
        name: 'Boende Fyren',
        operator: 'Stiftelsen Exempel',
        municipalityCode: '1980',
        ivoKind: 'permit',
        ivoNumber: 'IVO 3.5-1234/2024',
        ivoValidUntil: '2027-03-31',
        capacityAdults: 6,
        capacityChildren: 8,
        specialisations: ['honour_violence'],
        languages: 'arabiska',
        contact: 'Jourtelefon 010-000 00 00',
      },
    ]);
  });

  it('is in English after switching language', async () => {
    const { user } = await openShelters();
    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');
    expect(screen.getByRole('heading', { name: 'Protected shelters', level: 1 })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Registered protected shelters' })).toBeTruthy();
    expect(within(row('Boende Ankaret')).getByText('Permit expired')).toBeTruthy();
    expect(within(row('Boende Ankaret')).getByText('Valid until 31 Dec 2025')).toBeTruthy();
    expect(within(row('Boende Eken')).getByText('Permit missing')).toBeTruthy();
    expect(within(row('Boende Fyren')).getByText('2 of 6 places for adults')).toBeTruthy();
    expect(within(row('Boende Eken')).getByText('Full')).toBeTruthy();
    await user.click(button('Add a shelter'));
    await user.click(button('Add the shelter'));
    expect(screen.getByText('Please fill in this field.')).toBeTruthy();
  });
});
