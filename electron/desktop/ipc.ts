import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { exceedsDepth, INPUT_MAX_DEPTH, ReportExportFileSchema } from '../../core/contract';
import type { ApiResult } from '../../core/contract';
import type { Api } from '../api/types';
import { isAppUrl } from './app-url';
import { INVOKE_CHANNEL } from './bridge-channel';
import { logCode } from './log';
import { stampFooter } from './stamp-pdf';

/**
 * True only for a message from the top frame of our own window while it shows app://fristad.
 * Subframes, other windows and any page that got loaded some other way are all refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (window === null || window.isDestroyed()) return false;
  const contents = window.webContents;
  const frame = event.senderFrame;
  if (frame === null || event.sender.id !== contents.id) return false;
  const main = contents.mainFrame;
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return isMainFrame && isAppUrl(frame.url);
}

/** Answers the preload's one channel by passing trusted calls to the API, refusing the rest. */
export function registerInvokeHandler(api: Api, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => handleInvoke(api, getWindow(), event, channel, input));
}

async function handleInvoke(api: Api, window: BrowserWindow | null, event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isTrustedSender(event, window)) {
    logCode('ipc_forbidden_sender');
    return { ok: false, error: { code: 'forbidden', message: 'This caller may not use the Fristad API.' } };
  }
  if (typeof channel !== 'string') {
    return { ok: false, error: { code: 'unknown_channel', message: 'The channel must be a string.' } };
  }
  // Structured clone delivers any nesting: bound it before validation walks it (as browser mode does on the text).
  if (exceedsDepth(input, INPUT_MAX_DEPTH)) {
    return { ok: false, error: { code: 'invalid_input', message: 'The request nests too deeply.' } };
  }
  try {
    const result = await api.invoke(channel, input);
    if (channel === 'reports:export' && isPdfRequest(input) && window !== null) return await printReport(window, result);
    return result;
  } catch (error) {
    // The API answers errors itself; reaching here is a bug. Its message may hold case data.
    logCode('ipc_handler_threw', error);
    return { ok: false, error: { code: 'internal', message: 'Internal error.' } };
  }
}

function isPdfRequest(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === 'pdf';
}

/**
 * The desktop's PDF export: the worker's answer has already validated the input, checked the role
 * and written the audit row, so a refusal is returned as is. On success the on-screen report is
 * printed through its @media print layout and stamped with the log chain head line the worker
 * names; the worker's own PDF (which has that line) is the fallback if printing or stamping fails.
 */
async function printReport(window: BrowserWindow, result: ApiResult<unknown>): Promise<ApiResult<unknown>> {
  if (!result.ok) return result;
  const file = ReportExportFileSchema.safeParse(result.result);
  if (!file.success || file.data.chainHeadLine === undefined) return result;
  try {
    const printed = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    const pdf = await stampFooter(printed, file.data.chainHeadLine);
    return {
      ok: true,
      result: {
        fileName: file.data.fileName,
        mimeType: 'application/pdf',
        base64: Buffer.from(pdf).toString('base64'),
        chainHeadLine: file.data.chainHeadLine,
      },
    };
  } catch (error) {
    logCode('report_print_failed', error);
    return result;
  }
}
