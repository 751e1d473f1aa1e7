import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiCallError, call } from '../../renderer/src/api/client';
import { LOCAL_ERROR } from '../../renderer/src/bridge';
import { installBridge } from './fake-bridge';
import { lockedStatus } from './fixtures';
import { renderApp } from './render-app';

async function rejection(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof ApiCallError) return thrown;
    throw thrown;
  }
  throw new Error('expected the call to fail');
}

describe('typed client', () => {
  it('returns the validated result', async () => {
    installBridge().ok('session:status', lockedStatus());
    expect(await call('session:status', {})).toEqual(lockedStatus());
  });

  it('validates input with the shared schema and does not send invalid input', async () => {
    const bridge = installBridge();
    const error = await rejection(call('users:create', { username: 'x', displayName: '', role: 'caseworker', passphrase: 'short' }));
    expect(error.error.code).toBe('invalid_input');
    expect(error.error.issues?.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['username', 'username_too_short'],
      ['displayName', 'required'],
      ['passphrase', 'passphrase_too_short'],
    ]);
    expect(bridge.calls).toHaveLength(0);
  });

  it('sends the input as the schema normalises it', async () => {
    const bridge = installBridge().ok('users:disable', { id: 3, username: 'cecilia', displayName: 'C', role: 'caseworker', createdAt: 'x', disabledAt: 'y' });
    await call('users:disable', { username: '  Cecilia ' });
    expect(bridge.callsTo('users:disable')).toEqual([{ username: 'cecilia' }]);
  });

  it('throws the API error with its code and retry time', async () => {
    installBridge().fail('session:unlock', { code: 'too_many_attempts', message: 'wait', retryAfterSeconds: 12 });
    const error = await rejection(call('session:unlock', { username: 'astrid', passphrase: 'x' }));
    expect(error.error).toEqual({ code: 'too_many_attempts', message: 'wait', retryAfterSeconds: 12 });
  });

  it('turns a rejected preload call into an "unreachable" error', async () => {
    window.fristad = { invoke: () => Promise.reject(new Error('IPC gone')) };
    const error = await rejection(call('session:status', {}));
    expect(error.error).toEqual({ code: 'internal', message: LOCAL_ERROR.unreachable });
  });

  it('refuses an answer that does not match the contract', async () => {
    const bridge = installBridge();
    bridge.on('session:status', () => ({ ok: true, result: { state: 'bogus' } as never }));
    const error = await rejection(call('session:status', {}));
    expect(error.error.code).toBe('internal');
  });

  it('shows a translated message and a retry button when the first status call fails', async () => {
    const bridge = installBridge().fail('session:status', { code: 'database_damaged', message: 'damaged' });
    const { user } = renderApp();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Databasfilen är skadad. Fristad har stängt den så att inga felaktiga uppgifter visas. En administratör kan återställa en säkerhetskopia från upplåsningen (Återställ från säkerhetskopia).',
    );
    bridge.ok('session:status', lockedStatus());
    await user.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
  });

  // Runs without window.fristad, so the app falls back to browser mode's fetch.
  it('shows the "link is no longer valid" text in browser mode when the token is refused', async () => {
    window.history.replaceState(null, '', '/#token=stale-token');
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('{}', { status: 401 })));
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Länken gäller inte längre. Starta om Fristad, eller öppna adressen som Fristad skrev ut när det startade.',
    );
  });
});
