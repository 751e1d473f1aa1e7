import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CreateCaseInput } from '../../core/contract';
import { caseDetail, caseworkBridge } from './casework-fixtures';
import { ADMIN, CASEWORKER, TEAM_LEAD } from './fixtures';
import { button, input, renderApp } from './render-app';

async function openNewCase(user = CASEWORKER) {
  const bridge = caseworkBridge(user).ok('cases:list', { total: 0, rows: [] });
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${user.displayName}` });
  await app.user.click(button('Ärenden'));
  await screen.findByText('Inga ärenden visas. Ändra filtren eller skapa ett nytt ärende.');
  await app.user.click(button('Nytt ärende'));
  await screen.findByRole('heading', { level: 1, name: 'Nytt ärende' });
  // The district list arrives with the reference data.
  await screen.findByRole('option', { name: 'Skärholmen' });
  return { bridge, ...app };
}

function group(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

describe('new case form', () => {
  it('checks the personal identity number on the client and shows the message at the field', async () => {
    const { bridge, user } = await openNewCase();
    await user.type(input('Namn'), 'Testperson Ny');
    await user.type(input('Personnummer (frivilligt)'), '19121212-1213');
    await user.type(input('Födelseår'), '1890');
    await user.click(button('Skapa ärendet'));

    const pin = input('Personnummer (frivilligt)');
    expect(pin.getAttribute('aria-invalid')).toBe('true');
    const describedBy = pin.getAttribute('aria-describedby') ?? '';
    const messages = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(messages).toContain('Personnumrets kontrollsiffra stämmer inte.');
    expect(document.activeElement).toBe(pin);
    expect(screen.getByText('Ange ett födelseår mellan 1900 och i år.')).toBeTruthy();
    expect(bridge.callsTo('cases:create')).toHaveLength(0);
    // Nothing typed is lost.
    expect(input('Namn').value).toBe('Testperson Ny');
    expect(pin.value).toBe('19121212-1213');
  });

  it('shows the API’s field issues at the field and keeps what was typed', async () => {
    const { bridge, user } = await openNewCase();
    bridge.fail('cases:create', { code: 'invalid_input', message: 'bad', issues: [{ path: ['survivor', 'personalIdentityNumber'], message: 'pin_invalid' }] });
    await user.type(input('Namn'), 'Testperson Ny');
    await user.type(input('Personnummer (frivilligt)'), '19121212-1212');
    await user.click(button('Skapa ärendet'));

    expect(await screen.findByText('Personnumret är inte giltigt.')).toBeTruthy();
    expect(screen.getByText('Några uppgifter behöver rättas.')).toBeTruthy();
    expect(input('Personnummer (frivilligt)').getAttribute('aria-invalid')).toBe('true');
    expect(input('Personnummer (frivilligt)').value).toBe('19121212-1212');
    expect(input('Namn').value).toBe('Testperson Ny');
  });

  it('adds two children and two perpetrators with areas, sends them all, and opens the new case', async () => {
    const { bridge, user } = await openNewCase();
    bridge.on('cases:create', () => ({
      ok: true,
      result: caseDetail({ id: 77, caseNumber: 'RVT-2026-00077', survivor: { ...caseDetail().survivor, name: 'Testperson Ny' } }),
    }));

    await user.type(input('Namn'), 'Testperson Ny');
    await user.type(input('Personnummer (frivilligt)'), '191212121212');
    await user.selectOptions(screen.getByLabelText('Kön'), 'woman');
    await user.type(input('Födelseår'), '1985');
    await user.type(input('Språk'), 'arabiska');
    await user.click(screen.getByLabelText('Behöver tolk'));
    await user.type(screen.getByLabelText('Säker kontaktväg'), 'Bara via boendet');

    await user.click(button('Lägg till barn'));
    expect(document.activeElement).toBe(within(group('Barn 1')).getByLabelText('Barnets namn'));
    await user.keyboard('Barn Ett');
    await user.type(within(group('Barn 1')).getByLabelText('Födelseår'), '2015');
    await user.type(within(group('Barn 1')).getByLabelText('Förskola eller skola'), 'Skola A');
    await user.click(button('Lägg till barn'));
    await user.type(within(group('Barn 2')).getByLabelText('Barnets namn'), 'Barn Två');
    await user.type(within(group('Barn 2')).getByLabelText('Behov'), 'Rad ett{Enter}Rad två');
    await user.type(within(group('Barn 2')).getByLabelText('Eget boende eller placering'), 'Familjehem');

    await user.click(button('Lägg till förövare'));
    const first = group('Förövare 1');
    await user.type(within(first).getByLabelText('Namn'), 'Förövare Ett');
    await user.selectOptions(within(first).getByLabelText('Relation till den våldsutsatta'), 'former_partner');
    await user.click(within(first).getByRole('button', { name: 'Lägg till område för Förövare 1' }));
    const area = group('Område 1 för Förövare 1');
    expect(document.activeElement).toBe(within(area).getByLabelText('Kommun'));
    await user.selectOptions(within(area).getByLabelText('Kommun'), '1980');
    await user.type(within(area).getByLabelText('Kort beskrivning'), 'Arbetsplats');
    await user.click(within(first).getByRole('button', { name: 'Lägg till område för Förövare 1' }));
    await user.selectOptions(within(group('Område 2 för Förövare 1')).getByLabelText('Stadsdelsområde i Stockholm'), 'skarholmen');

    await user.click(button('Lägg till förövare'));
    const second = group('Förövare 2');
    await user.selectOptions(within(second).getByLabelText('Relation till den våldsutsatta'), 'sibling');
    await user.click(within(second).getByLabelText('Del av ett kollektiv (hedersrelaterat)'));
    await user.type(within(second).getByLabelText('Anteckningar'), 'Namn okänt');

    await user.selectOptions(screen.getByLabelText('Skyddade personuppgifter'), 'sekretessmarkering');
    await user.click(screen.getByLabelText('Hedersrelaterat våld och förtryck'));
    await user.click(screen.getByLabelText('Ekonomiskt våld eller skulder'));
    await user.click(screen.getByLabelText('Funktionsnedsättning'));
    await user.selectOptions(screen.getByLabelText('Ansvarigt stadsdelsområde'), 'hasselby-vallingby');

    bridge.ok('cases:get', caseDetail({ id: 77, caseNumber: 'RVT-2026-00077', survivor: { ...caseDetail().survivor, name: 'Testperson Ny' } }));
    await user.click(button('Skapa ärendet'));

    expect(await screen.findByRole('heading', { level: 1, name: 'RVT-2026-00077 – Testperson Ny' })).toBeTruthy();
    const sent = bridge.callsTo('cases:create') as CreateCaseInput[];
    expect(sent).toEqual([
      {
        survivor: {
          name: 'Testperson Ny',
          personalIdentityNumber: '19121212-1212',
          gender: 'woman',
          birthYear: 1985,
          language: 'arabiska',
          interpreterNeeded: true,
          safeContact: 'Bara via boendet',
        },
        protectionLevel: 'sekretessmarkering',
        honourContext: true,
        vulnerabilities: ['disability', 'economic_violence'],
        vulnerabilityNote: '',
        districtSlug: 'hasselby-vallingby',
        assignedUserId: CASEWORKER.id,
        children: [
          { name: 'Barn Ett', birthYear: 2015, school: 'Skola A', needs: '', placement: '' },
          { name: 'Barn Två', birthYear: null, school: '', needs: 'Rad ett\nRad två', placement: 'Familjehem' },
        ],
        perpetrators: [
          {
            name: 'Förövare Ett',
            relation: 'former_partner',
            collective: false,
            notes: '',
            areas: [
              { municipalityCode: '1980', districtSlug: null, description: 'Arbetsplats' },
              { municipalityCode: null, districtSlug: 'skarholmen', description: '' },
            ],
          },
          { name: '', relation: 'sibling', collective: true, notes: 'Namn okänt', areas: [] },
        ],
      },
    ]);
  });

  it('requires a place for each area and can remove rows again', async () => {
    const { bridge, user } = await openNewCase();
    await user.type(input('Namn'), 'Testperson Ny');
    await user.click(button('Lägg till barn'));
    await user.click(button('Lägg till barn'));
    await user.click(button('Ta bort Barn 1'));
    expect(screen.queryByRole('group', { name: 'Barn 2' })).toBeNull();
    expect(document.activeElement).toBe(button('Lägg till barn'));

    await user.click(button('Lägg till förövare'));
    await user.click(button('Lägg till område för Förövare 1'));
    await user.click(button('Skapa ärendet'));
    // The remaining child has no name, and the area has no place.
    expect(screen.getByText('Välj en kommun eller en stadsdel.')).toBeTruthy();
    expect(within(group('Barn 1')).getByText('Fyll i det här fältet.')).toBeTruthy();
    expect(screen.getByText('Rätta de markerade fälten och försök igen.')).toBeTruthy();
    expect(bridge.callsTo('cases:create')).toHaveLength(0);
  });

  it('offers a caseworker every colleague from users:assignees, herself first', async () => {
    const { bridge } = await openNewCase(CASEWORKER);
    await screen.findByRole('option', { name: TEAM_LEAD.displayName });
    const options = within(screen.getByLabelText('Handläggare'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Ingen tilldelad', 'Jag (Cecilia Exempelsson)', ADMIN.displayName, TEAM_LEAD.displayName]);
    expect(bridge.callsTo('users:assignees')).toEqual([{}]);
    expect(bridge.callsTo('users:list')).toHaveLength(0);
  });

  it.each([{ lead: TEAM_LEAD, others: [ADMIN.displayName, CASEWORKER.displayName] }])('offers the $lead.role the same colleagues', async ({ lead, others }) => {
    const { bridge } = await openNewCase(lead);
    await screen.findByRole('option', { name: CASEWORKER.displayName });
    const options = within(screen.getByLabelText('Handläggare'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Ingen tilldelad', `Jag (${lead.displayName})`, ...others]);
    expect(bridge.callsTo('users:assignees')).toEqual([{}]);
    expect(bridge.callsTo('users:list')).toHaveLength(0);
  });

  it('still offers herself when the colleagues cannot be fetched', async () => {
    const bridge = caseworkBridge(CASEWORKER).ok('cases:list', { total: 0, rows: [] }).fail('users:assignees', { code: 'forbidden', message: 'no' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: `Välkommen, ${CASEWORKER.displayName}` });
    await user.click(button('Ärenden'));
    await user.click(await screen.findByRole('button', { name: 'Nytt ärende' }));
    await screen.findByRole('option', { name: 'Skärholmen' });
    const options = within(screen.getByLabelText('Handläggare'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Ingen tilldelad', 'Jag (Cecilia Exempelsson)']);
    expect(bridge.callsTo('users:assignees')).toHaveLength(1);
  });
});
