import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installBridge } from './fake-bridge';
import { ADMIN, lockedStatus, newStatus, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

describe('unlock screen', () => {
  it('unlocks with username and passphrase, submitting with Enter', async () => {
    const bridge = installBridge().ok('session:status', lockedStatus()).ok('session:unlock', unlockedStatus(ADMIN));
    const { user } = renderApp();
    const username = await screen.findByLabelText('Användarnamn');
    expect(document.activeElement).toBe(username);
    expect(screen.getByText('Relationsvåldsteamet Test')).toBeTruthy();
    await user.type(username, 'Astrid.Admin');
    await user.type(input('Lösenfras'), 'rätt lösenfras här{Enter}');
    expect(await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' })).toBeTruthy();
    // The shared schema normalises the username before it is sent.
    expect(bridge.callsTo('session:unlock')).toEqual([{ username: 'astrid.admin', passphrase: 'rätt lösenfras här' }]);
  });

  it('on a wrong passphrase shows the message, clears the passphrase and focuses it', async () => {
    installBridge().ok('session:status', lockedStatus()).fail('session:unlock', { code: 'wrong_credentials', message: 'Wrong username or passphrase.' });
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Användarnamn'), 'astrid.admin');
    await user.type(input('Lösenfras'), 'fel lösenfras{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('Fel användarnamn eller lösenfras.');
    expect(input('Lösenfras').value).toBe('');
    expect(document.activeElement).toBe(input('Lösenfras'));
    expect(input('Lösenfras').getAttribute('aria-invalid')).toBe('true');
    expect(input('Användarnamn').value).toBe('astrid.admin');
  });

  it('asks for both fields before calling the API', async () => {
    const bridge = installBridge().ok('session:status', lockedStatus());
    const { user } = renderApp();
    await screen.findByLabelText('Användarnamn');
    await user.click(button('Lås upp'));
    expect(screen.getByText('Användarnamnet måste ha minst 2 tecken.')).toBeTruthy();
    expect(screen.getByText('Fyll i det här fältet.')).toBeTruthy();
    expect(bridge.callsTo('session:unlock')).toHaveLength(0);
  });

  it('after too many attempts disables Unlock and counts down from retryAfterSeconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installBridge().ok('session:status', lockedStatus()).fail('session:unlock', { code: 'too_many_attempts', message: 'Too many', retryAfterSeconds: 30 });
    const { user } = renderApp({ fakeTimers: true });
    await user.type(await screen.findByLabelText('Användarnamn'), 'astrid.admin');
    await user.type(input('Lösenfras'), 'gissning nummer sex{Enter}');

    expect(await screen.findByText('För många misslyckade försök. Vänta en stund innan du försöker igen.')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('Du kan försöka igen om 0:30.');
    expect(button('Lås upp').disabled).toBe(true);

    await act(() => vi.advanceTimersByTimeAsync(10_000));
    // Fake time also moves with real time here, so allow for a slow machine.
    expect(screen.getByRole('timer').textContent).toMatch(/^Du kan försöka igen om 0:(19|20)\.$/);
    expect(button('Lås upp').disabled).toBe(true);

    await act(() => vi.advanceTimersByTimeAsync(21_000));
    expect(screen.queryByRole('timer')).toBeNull();
    expect(button('Lås upp').disabled).toBe(false);
  });

  it('starts the countdown from the status when the app opens during a pause', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installBridge().ok('session:status', lockedStatus({ retryAfterSeconds: 75 }));
    renderApp({ fakeTimers: true });
    expect(await screen.findByRole('timer')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toBe('Du kan försöka igen om 1:15.');
    expect(button('Lås upp').disabled).toBe(true);
  });

  it('opens the fictional demo: shows the demo login, prefills it and shows the demo banner', async () => {
    const demoStatus = lockedStatus({ demo: true, teamName: 'Demoteamet', demoLogin: { username: 'demo', passphrase: 'demo-fristad-2026' } });
    const bridge = installBridge()
      .ok('session:status', lockedStatus())
      .ok('session:open-demo', { username: 'demo', passphrase: 'demo-fristad-2026', status: demoStatus })
      .ok('session:leave-demo', lockedStatus());
    const { user } = renderApp();
    await screen.findByLabelText('Användarnamn');
    await user.click(button('Öppna fiktiva demodata'));

    expect(await screen.findByText('Användarnamn: demo')).toBeTruthy();
    expect(screen.getByText('Lösenfras: demo-fristad-2026')).toBeTruthy();
    expect(input('Användarnamn').value).toBe('demo');
    expect(input('Lösenfras').value).toBe('demo-fristad-2026');
    expect(screen.getByText('Fiktiva demodata – ingenting här rör verkliga personer.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Öppna fiktiva demodata' })).toBeNull();

    await user.click(button('Lämna demoläget'));
    expect(bridge.callsTo('session:leave-demo')).toEqual([{}]);
    await vi.waitFor(() => expect(screen.queryByText('Användarnamn: demo')).toBeNull());
    expect(screen.queryByText('Fiktiva demodata – ingenting här rör verkliga personer.')).toBeNull();
  });

  it('opens the demo from the first-run screen too', async () => {
    const demoStatus = lockedStatus({ demo: true, demoLogin: { username: 'demo', passphrase: 'demo-fristad-2026' } });
    installBridge().ok('session:status', newStatus()).ok('session:open-demo', { username: 'demo', passphrase: 'demo-fristad-2026', status: demoStatus });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Öppna fiktiva demodata' }));
    expect(await screen.findByRole('heading', { name: 'Demoläget är öppet' })).toBeTruthy();
    expect(screen.getByText('Lösenfras: demo-fristad-2026')).toBeTruthy();
    expect(input('Lösenfras').value).toBe('demo-fristad-2026');
  });

  it('recovers with the recovery key and a new passphrase', async () => {
    const bridge = installBridge().ok('session:status', lockedStatus()).fail('session:recover', { code: 'wrong_recovery_key', message: 'no' });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Glömt lösenfrasen? Använd återställningsnyckeln' }));
    expect(screen.getByRole('heading', { name: 'Återställ med återställningsnyckeln' })).toBeTruthy();
    expect(document.activeElement).toBe(input('Återställningsnyckel'));

    await user.type(input('Återställningsnyckel'), 'KQ4M-7XTR-FEL');
    await user.type(input('Användarnamn'), 'astrid.admin');
    await user.type(input('Ny lösenfras'), 'en helt ny lång lösenfras');
    await user.type(input('Upprepa lösenfrasen'), 'en helt ny lång lösenfras{Enter}');
    expect(await screen.findByText('Återställningsnyckeln stämmer inte.')).toBeTruthy();
    expect(input('Återställningsnyckel').getAttribute('aria-invalid')).toBe('true');
    expect(input('Återställningsnyckel').value).toBe('KQ4M-7XTR-FEL');

    bridge.ok('session:recover', unlockedStatus(ADMIN));
    await user.click(button('Byt lösenfras och lås upp'));
    expect(await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' })).toBeTruthy();
    expect(bridge.callsTo('session:recover').at(-1)).toEqual({
      recoveryKey: 'KQ4M-7XTR-FEL',
      username: 'astrid.admin',
      newPassphrase: 'en helt ny lång lösenfras',
    });
  });
});
