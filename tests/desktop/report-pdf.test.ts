import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../core/contract';
import type { Api } from '../../electron/api/types';
import { APP_PAGE_URL } from '../../electron/desktop/app-url';
import { registerInvokeHandler } from '../../electron/desktop/ipc';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown, channel: unknown, input: unknown) => Promise<ApiResult<unknown>>;

const workerFile = { fileName: 'rapport-team-2024.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-worker').toString('base64') };
const input = (format: string): Record<string, unknown> => ({ format, language: 'sv', labels: {} });

let api: { invoke: ReturnType<typeof vi.fn<Api['invoke']>> };
let win: fake.BrowserWindow;
let handler: Handler;

beforeEach(async () => {
  fake.resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await fake.app.whenReady();
  win = new fake.BrowserWindow({});
  await win.loadURL(APP_PAGE_URL);
  api = { invoke: vi.fn<Api['invoke']>(() => Promise.resolve({ ok: true, result: workerFile })) };
  registerInvokeHandler(api, () => win as never);
  handler = fake.ipcMain.handlers.get('fristad:invoke') as unknown as Handler;
});

function ours(): unknown {
  return { ...fake.fakeEvent(), sender: win.webContents, senderFrame: win.webContents.mainFrame, frameId: 1, processId: 1, type: 'frame' };
}

describe('reports:export as PDF on the desktop', () => {
  it('asks the runtime first, then prints the on-screen report and returns its bytes', async () => {
    const result = await handler(ours(), 'reports:export', input('pdf'));
    expect(api.invoke).toHaveBeenCalledWith('reports:export', input('pdf'));
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(api.invoke.mock.invocationCallOrder[0]).toBeLessThan(win.webContents.printToPDF.mock.invocationCallOrder[0] ?? 0);
    expect(result).toEqual({
      ok: true,
      result: { fileName: workerFile.fileName, mimeType: 'application/pdf', base64: Buffer.from('%PDF-printed').toString('base64') },
    });
  });

  it('returns a runtime refusal without printing', async () => {
    const refusal: ApiResult<unknown> = { ok: false, error: { code: 'forbidden', message: 'No.' } };
    api.invoke.mockResolvedValueOnce(refusal);
    expect(await handler(ours(), 'reports:export', input('pdf'))).toEqual(refusal);
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('leaves CSV and XLSX to the runtime alone', async () => {
    for (const format of ['csv', 'xlsx']) {
      expect(await handler(ours(), 'reports:export', input(format))).toEqual({ ok: true, result: workerFile });
    }
    expect(api.invoke).toHaveBeenCalledTimes(2);
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('falls back to the worker’s PDF when printing fails', async () => {
    win.webContents.printToPDF.mockRejectedValueOnce(new Error('print failed'));
    expect(await handler(ours(), 'reports:export', input('pdf'))).toEqual({ ok: true, result: workerFile });
    expect(vi.mocked(console.error).mock.calls.flat().join('\n')).toContain('report_print_failed');
  });

  it('still refuses a foreign frame, before the runtime or the printer', async () => {
    const child = new fake.FakeFrame(APP_PAGE_URL, win.webContents.mainFrame);
    const event = { ...fake.fakeEvent(), sender: win.webContents, senderFrame: child, frameId: 2, processId: 1, type: 'frame' };
    expect(await handler(event, 'reports:export', input('pdf'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(api.invoke).not.toHaveBeenCalled();
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
  });
});
