import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the bridge module: it reads the token once, when first used. */
async function freshBridge() {
  vi.resetModules();
  return import('../../renderer/src/bridge');
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('bridge', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });

  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('uses the preload bridge when Electron provides one', async () => {
    const preload = { invoke: vi.fn(() => Promise.resolve({ ok: true as const, result: 'x' })) };
    window.fristad = preload;
    const { getBridge } = await freshBridge();
    expect(getBridge()).toBe(preload);
  });

  it('in browser mode takes the token from the fragment, keeps it for the tab, and removes it from the address', async () => {
    window.history.replaceState(null, '', '/?x=1#token=Abc_123-def');
    const fetchMock = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(jsonResponse(200, { ok: true, result: { fine: true } })));
    vi.stubGlobal('fetch', fetchMock);
    const { getBridge } = await freshBridge();

    const answer = await getBridge().invoke('session:status', {});
    expect(answer).toEqual({ ok: true, result: { fine: true } });
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?x=1');
    expect(window.sessionStorage.getItem('fristad.token')).toBe('Abc_123-def');

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/invoke');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer Abc_123-def' });
    expect(JSON.parse(String(init?.body))).toEqual({ channel: 'session:status', input: {} });
  });

  it('after a reload uses the token kept in sessionStorage', async () => {
    window.sessionStorage.setItem('fristad.token', 'kept-token-0123456789');
    const fetchMock = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(jsonResponse(200, { ok: true, result: 1 })));
    vi.stubGlobal('fetch', fetchMock);
    const { getBridge } = await freshBridge();
    await getBridge().invoke('session:status', {});
    expect(fetchMock.mock.calls[0]?.[1].headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer kept-token-0123456789' });
  });

  it('passes API errors through as they are', async () => {
    window.history.replaceState(null, '', '/#token=tok');
    const error = { code: 'wrong_credentials', message: 'Wrong' };
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(200, { ok: false, error })));
    const { getBridge } = await freshBridge();
    expect(await getBridge().invoke('session:unlock', {})).toEqual({ ok: false, error });
  });

  it.each([401, 403])('turns HTTP %i into the "link is no longer valid" error', async (status) => {
    window.history.replaceState(null, '', '/#token=tok');
    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(status, { ok: false, error: { code: 'forbidden', message: 'no' } })));
    const { getBridge, LOCAL_ERROR } = await freshBridge();
    expect(await getBridge().invoke('session:status', {})).toEqual({ ok: false, error: { code: 'forbidden', message: LOCAL_ERROR.linkInvalid } });
  });

  it('without any token answers "link is no longer valid" without sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const { getBridge, LOCAL_ERROR } = await freshBridge();
    const answer = await getBridge().invoke('session:status', {});
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: LOCAL_ERROR.linkInvalid } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('turns a network failure and a non-JSON answer into internal errors', async () => {
    window.history.replaceState(null, '', '/#token=tok');
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const { getBridge, LOCAL_ERROR } = await freshBridge();
    expect(await getBridge().invoke('session:status', {})).toEqual({ ok: false, error: { code: 'internal', message: LOCAL_ERROR.unreachable } });

    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>proxy error</html>', { status: 502 })));
    expect(await getBridge().invoke('session:status', {})).toEqual({ ok: false, error: { code: 'internal', message: LOCAL_ERROR.badAnswer } });

    vi.stubGlobal('fetch', () => Promise.resolve(jsonResponse(200, { something: 'else' })));
    expect(await getBridge().invoke('session:status', {})).toEqual({ ok: false, error: { code: 'internal', message: LOCAL_ERROR.badAnswer } });
  });
});
