import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../core/contract';
import type { Api } from '../../electron/api/types';
import { APP_PAGE_URL } from '../../electron/desktop/app-url';
import { registerInvokeHandler } from '../../electron/desktop/ipc';
import { pdfText } from '../helpers/pdf-text';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Handler = (event: unknown, channel: unknown, input: unknown) => Promise<ApiResult<unknown>>;

const chainHeadLine = 'Loggkedjans senaste rad vid exporten: sekvensnummer 42, hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const workerFile = { fileName: 'rapport-team-2024.pdf', mimeType: 'application/pdf', base64: Buffer.from('%PDF-worker').toString('base64'), chainHeadLine };

/** What Chromium's printToPDF gives: here a real two-page PDF with the report's title on it. */
async function printedReport(): Promise<Buffer> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Rapport till socialnämnden', { x: 50, y: 780, size: 14 });
  doc.addPage([595, 842]).drawText('Sida två', { x: 50, y: 780, size: 14 });
  return Buffer.from(await doc.save());
}
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
  it('asks the runtime first, then prints the on-screen report and stamps the chain head on every page', async () => {
    win.webContents.printToPDF.mockResolvedValueOnce(await printedReport());
    const result = await handler(ours(), 'reports:export', input('pdf'));
    expect(api.invoke).toHaveBeenCalledWith('reports:export', input('pdf'));
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(api.invoke.mock.invocationCallOrder[0]).toBeLessThan(win.webContents.printToPDF.mock.invocationCallOrder[0] ?? 0);
    expect(result).toMatchObject({ ok: true, result: { fileName: workerFile.fileName, mimeType: 'application/pdf' } });
    if (!result.ok) return;
    const text = await pdfText(Buffer.from((result.result as { base64: string }).base64, 'base64'));
    expect(text).toContain('Rapport till socialnämnden');
    expect(text).toContain('Sida två');
    expect(text.split(chainHeadLine).length - 1, 'the line on both pages').toBe(2);
  });

  it('returns the worker’s PDF, which names the chain head, when the printed file cannot be stamped', async () => {
    // The fake printer's default answer is not a PDF at all.
    expect(await handler(ours(), 'reports:export', input('pdf'))).toEqual({ ok: true, result: workerFile });
    expect(vi.mocked(console.error).mock.calls.flat().join('\n')).toContain('report_print_failed');
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
