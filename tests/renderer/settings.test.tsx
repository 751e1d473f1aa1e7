import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBridge } from './fake-bridge';
import { ADMIN, CASEWORKER, settings, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

async function openSettings(user = ADMIN) {
  const bridge = installBridge().ok('session:status', unlockedStatus(user)).ok('settings:get', settings());
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${user.displayName}` });
  await app.user.click(button('Inställningar'));
  return { bridge, ...app };
}

describe('settings view', () => {
  it('changes the own passphrase and clears the fields', async () => {
    const { bridge, user } = await openSettings(CASEWORKER);
    bridge.ok('session:change-passphrase', { ok: true });
    await user.type(input('Nuvarande lösenfras'), 'den gamla lösenfrasen');
    await user.type(input('Ny lösenfras'), 'en ny och längre lösenfras');
    await user.type(input('Upprepa lösenfrasen'), 'en ny och längre lösenfras{Enter}');
    expect(await screen.findByText('Din lösenfras är bytt. Använd den nya nästa gång du låser upp.')).toBeTruthy();
    expect(bridge.callsTo('session:change-passphrase')).toEqual([{ currentPassphrase: 'den gamla lösenfrasen', newPassphrase: 'en ny och längre lösenfras' }]);
    expect(input('Nuvarande lösenfras').value).toBe('');
    expect(input('Ny lösenfras').value).toBe('');
    // Team settings are for administrators only.
    expect(screen.queryByRole('heading', { name: 'Teamet' })).toBeNull();
    expect(bridge.callsTo('settings:get')).toHaveLength(0);
  });

  it('says so when the current passphrase is wrong, keeping the new one typed', async () => {
    const { bridge, user } = await openSettings(CASEWORKER);
    bridge.fail('session:change-passphrase', { code: 'wrong_credentials', message: 'wrong' });
    await user.type(input('Nuvarande lösenfras'), 'fel gammal');
    await user.type(input('Ny lösenfras'), 'en ny och längre lösenfras');
    await user.type(input('Upprepa lösenfrasen'), 'en ny och längre lösenfras{Enter}');
    expect(await screen.findByText('Fel användarnamn eller lösenfras.')).toBeTruthy();
    expect(document.activeElement).toBe(input('Nuvarande lösenfras'));
    expect(input('Ny lösenfras').value).toBe('en ny och längre lösenfras');
  });

  it('lets an administrator change team name and idle minutes, updating the header', async () => {
    const { bridge, user } = await openSettings(ADMIN);
    bridge.on('settings:update', (update) => ({
      ok: true,
      result: settings({ teamName: update.teamName ?? '', idleLockMinutes: update.idleLockMinutes ?? 10 }),
    }));
    const minutes = await screen.findByLabelText('Lås efter så här många minuter utan aktivitet');
    await user.clear(minutes);
    await user.type(minutes, '500');
    await user.click(button('Spara'));
    expect(screen.getByText('Ange ett antal minuter mellan 1 och 240.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toHaveLength(0);

    await user.clear(minutes);
    await user.type(minutes, '15');
    await user.clear(input('Teamets namn'));
    await user.type(input('Teamets namn'), 'Relationsvåldsteamet Söder{Enter}');
    expect(await screen.findByText('Inställningarna är sparade.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toEqual([
      {
        teamName: 'Relationsvåldsteamet Söder',
        idleLockMinutes: 15,
        casePrefix: 'RVT',
        minimumDistanceKm: 100,
        minimumDistanceWithinCityKm: 5,
        reportThreshold: 5,
        revealMinutes: 5,
        reviewDaysHigh: 14,
        reviewDaysMedium: 30,
        reviewDaysLow: 90,
      },
    ]);
    expect(screen.getByRole('banner').textContent).toContain('Relationsvåldsteamet Söder');
  });

  it('lets an administrator set the case number prefix, the safe distances and the report threshold', async () => {
    const { bridge, user } = await openSettings(ADMIN);
    bridge.on('settings:update', (update) => ({ ok: true, result: settings({ ...update }) }));
    await user.clear(input('Prefix för ärendenummer'));
    await user.type(input('Prefix för ärendenummer'), 'rv');
    await user.clear(input('Minsta avstånd vid flytt till annan kommun (km)'));
    await user.type(input('Minsta avstånd vid flytt till annan kommun (km)'), '150');
    await user.clear(input('Gräns för små tal i rapporter'));
    await user.type(input('Gräns för små tal i rapporter'), '2');
    await user.click(button('Spara'));
    expect(await screen.findByText('Ange ett heltal mellan 3 och 100.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toHaveLength(0);
    await user.clear(input('Gräns för små tal i rapporter'));
    await user.type(input('Gräns för små tal i rapporter'), '7{Enter}');
    expect(await screen.findByText('Inställningarna är sparade.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toEqual([expect.objectContaining({ casePrefix: 'RV', minimumDistanceKm: 150, reportThreshold: 7 })]);
  });

  it('lets an administrator set how many minutes protected data stays revealed, from 1 to 60', async () => {
    const { bridge, user } = await openSettings(ADMIN);
    bridge.on('settings:update', (update) => ({ ok: true, result: settings({ ...update }) }));
    const field = input('Minuter som skyddade uppgifter visas');
    expect(field.value).toBe('5');
    await user.clear(field);
    await user.type(field, '61');
    await user.click(button('Spara'));
    expect(await screen.findByText('Ange ett heltal mellan 1 och 60.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toHaveLength(0);
    await user.clear(field);
    await user.type(field, '15{Enter}');
    expect(await screen.findByText('Inställningarna är sparade.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toEqual([expect.objectContaining({ revealMinutes: 15 })]);
  });
});
