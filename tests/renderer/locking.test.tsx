import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installBridge } from './fake-bridge';
import { ADMIN, lockedStatus, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

/** Nothing of the user who was unlocked may remain anywhere in the document. */
function expectNoUserDataInDom(): void {
  const text = document.body.textContent ?? '';
  expect(text).not.toContain(ADMIN.displayName);
  expect(text).not.toContain(ADMIN.username);
  for (const element of document.querySelectorAll('input')) {
    expect(element.value).not.toContain(ADMIN.username);
  }
}

describe('locking', () => {
  it('Ctrl+L locks from anywhere, prevents the browser default and leaves no user data in the DOM', async () => {
    const bridge = installBridge().ok('session:status', unlockedStatus(ADMIN)).ok('session:lock', lockedStatus());
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' })).toBeTruthy();

    const notCancelled = fireEvent.keyDown(document.body, { key: 'l', ctrlKey: true });
    expect(notCancelled).toBe(false);

    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(bridge.callsTo('session:lock')).toEqual([{}]);
    expect(input('Användarnamn').value).toBe('');
    expect(input('Lösenfras').value).toBe('');
    expectNoUserDataInDom();
  });

  it('Cmd+L works too, and the Lock button in the header', async () => {
    const bridge = installBridge().ok('session:status', unlockedStatus(ADMIN)).ok('session:lock', lockedStatus());
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.keyboard('{Meta>}l{/Meta}');
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();

    bridge.ok('session:unlock', unlockedStatus(ADMIN));
    await user.type(input('Användarnamn'), 'astrid.admin');
    await user.type(input('Lösenfras'), 'rätt lösenfras här{Enter}');
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.click(button('Lås'));
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(bridge.callsTo('session:lock')).toHaveLength(2);
    expectNoUserDataInDom();
  });

  it('clears a half-filled form so it is empty after unlocking again', async () => {
    const bridge = installBridge().ok('session:status', unlockedStatus(ADMIN)).ok('session:lock', lockedStatus());
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.click(button('Inställningar'));
    await user.type(input('Nuvarande lösenfras'), 'halvskriven hemlighet');
    await user.keyboard('{Control>}l{/Control}');
    await screen.findByRole('heading', { name: 'Lås upp Fristad' });

    bridge.ok('session:unlock', unlockedStatus(ADMIN));
    await user.type(input('Användarnamn'), 'astrid.admin');
    await user.type(input('Lösenfras'), 'rätt lösenfras här{Enter}');
    // A fresh session starts on Start, with every form empty.
    expect(await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' })).toBeTruthy();
    await user.click(button('Inställningar'));
    expect(input('Nuvarande lösenfras').value).toBe('');
  });

  it('locks by itself after the idle minutes, and activity postpones it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = installBridge()
      .ok('session:status', unlockedStatus(ADMIN, { idleLockMinutes: 2 }))
      .ok('session:lock', lockedStatus());
    renderApp({ fakeTimers: true });
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });

    await act(() => vi.advanceTimersByTimeAsync(90_000));
    fireEvent.keyDown(window, { key: 'Tab' });
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    // 3 minutes have passed, but only 1.5 since the last key press.
    expect(screen.getByRole('heading', { name: 'Välkommen, Astrid Testsson' })).toBeTruthy();
    expect(bridge.callsTo('session:lock')).toHaveLength(0);

    fireEvent.wheel(window);
    await act(() => vi.advanceTimersByTimeAsync(119_000));
    expect(bridge.callsTo('session:lock')).toHaveLength(0);

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(bridge.callsTo('session:lock')).toEqual([{}]);
    expect(screen.getByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(screen.getByText('Fristad låstes eftersom ingen har använt datorn på en stund.')).toBeTruthy();
    expectNoUserDataInDom();
  });

  it('returns to the unlock screen when the API answers "locked" (session expired in main)', async () => {
    installBridge().ok('session:status', unlockedStatus(ADMIN)).fail('audit:verify', { code: 'locked', message: 'Fristad is locked.' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.click(button('Logg'));
    // The status call made after expiry answers "unlocked" here; it must not reopen the session.
    await user.click(button('Kontrollera loggkedjan'));
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(screen.getByText('Sessionen har avslutats. Lås upp igen för att fortsätta.')).toBeTruthy();
    expectNoUserDataInDom();
  });

  it('still shows the unlock screen, with a warning, when the lock call fails', async () => {
    installBridge().ok('session:status', unlockedStatus(ADMIN)).fail('session:lock', { code: 'internal', message: 'boom' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByText('Låsningen kunde inte bekräftas. Stäng Fristad om du lämnar datorn.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expectNoUserDataInDom();
  });
});
