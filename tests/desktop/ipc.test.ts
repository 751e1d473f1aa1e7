import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INPUT_MAX_DEPTH, type ApiResult } from '../../core/contract';
import type { Api } from '../../electron/api/types';
import { APP_PAGE_URL } from '../../electron/desktop/app-url';
import { registerInvokeHandler } from '../../electron/desktop/ipc';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown, channel: unknown, input: unknown) => Promise<ApiResult<unknown>>;

let api: { invoke: ReturnType<typeof vi.fn<Api['invoke']>> };
let win: fake.BrowserWindow;
let current: fake.BrowserWindow | null;
let handler: Handler;

beforeEach(async () => {
  fake.resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await fake.app.whenReady();
  win = new fake.BrowserWindow({});
  await win.loadURL(APP_PAGE_URL);
  current = win;
  api = { invoke: vi.fn<Api['invoke']>(() => Promise.resolve({ ok: true, result: 'done' })) };
  registerInvokeHandler(api, () => current as never);
  const registered = fake.ipcMain.handlers.get('fristad:invoke');
  if (registered === undefined) throw new Error('no handler registered');
  handler = registered as unknown as Handler;
});

function eventFrom(sender: fake.FakeWebContents, senderFrame: fake.FakeFrame | null): unknown {
  return { ...fake.fakeEvent(), sender, senderFrame, frameId: 1, processId: 1, type: 'frame' };
}

async function expectForbidden(event: unknown): Promise<void> {
  const result = await handler(event, 'session:status', {});
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(api.invoke).not.toHaveBeenCalled();
}

describe('fristad:invoke', () => {
  it('passes a call from our window’s main frame on app://fristad to the API', async () => {
    const result = await handler(eventFrom(win.webContents, win.webContents.mainFrame), 'session:unlock', { username: 'a' });
    expect(result).toEqual({ ok: true, result: 'done' });
    expect(api.invoke).toHaveBeenCalledWith('session:unlock', { username: 'a' });
  });

  it('refuses a message whose frame is gone', async () => {
    await expectForbidden(eventFrom(win.webContents, null));
  });

  it('refuses a subframe of our page, even one on app://fristad', async () => {
    const child = new fake.FakeFrame(APP_PAGE_URL, win.webContents.mainFrame);
    await expectForbidden(eventFrom(win.webContents, child));
  });

  it('refuses our main frame once it shows another origin', async () => {
    for (const url of [
      'https://example.org/',
      'file:///C:/x.html',
      'app://other/index.html',
      'app://fristad:99/index.html',
      'about:blank',
      'data:text/html,x',
    ]) {
      win.webContents.mainFrame.url = url;
      await expectForbidden(eventFrom(win.webContents, win.webContents.mainFrame));
    }
  });

  it('refuses a frame that claims our URL but is not our main frame', async () => {
    const impostor = new fake.FakeFrame(APP_PAGE_URL, null);
    await expectForbidden(eventFrom(win.webContents, impostor));
  });

  it('refuses any other web contents, even with a copy of our frame', async () => {
    const other = new fake.FakeWebContents();
    const copy = new fake.FakeFrame(APP_PAGE_URL, null, { processId: win.webContents.mainFrame.processId, routingId: win.webContents.mainFrame.routingId });
    await expectForbidden(eventFrom(other, copy));
  });

  it('refuses everything while there is no window, or after it is destroyed', async () => {
    current = null;
    await expectForbidden(eventFrom(win.webContents, win.webContents.mainFrame));
    current = win;
    win.destroy();
    await expectForbidden(eventFrom(win.webContents, win.webContents.mainFrame));
  });

  it('answers a non-string channel without calling the API', async () => {
    const result = await handler(eventFrom(win.webContents, win.webContents.mainFrame), { toString: () => 'x' }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(api.invoke).not.toHaveBeenCalled();
  });

  it('refuses an input nested deeper than any channel takes, before the API sees it', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 500_000; i++) deep = [deep];
    const result = await handler(eventFrom(win.webContents, win.webContents.mainFrame), 'session:unlock', deep);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(api.invoke).not.toHaveBeenCalled();
    let legit: unknown = { username: 'a' };
    for (let i = 1; i < INPUT_MAX_DEPTH; i++) legit = { nested: legit };
    await handler(eventFrom(win.webContents, win.webContents.mainFrame), 'session:unlock', legit);
    expect(api.invoke).toHaveBeenCalledWith('session:unlock', legit);
  });

  it('turns a throwing API into an internal error without logging its message', async () => {
    api.invoke.mockRejectedValueOnce(new Error('Personnummer 19800101-1234'));
    const result = await handler(eventFrom(win.webContents, win.webContents.mainFrame), 'session:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('1234');
    expect(vi.mocked(console.error).mock.calls.flat().join('\n')).not.toContain('1234');
  });
});
