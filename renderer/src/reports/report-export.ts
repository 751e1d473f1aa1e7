import { channels } from '../../../core/contract';
import type { Report, ReportExportFormat, ReportExportInput, ReportInput } from '../../../core/contract';
import { ApiCallError, call } from '../api/client';
import type { Language } from '../i18n/language-store';
import type { Translate } from '../i18n/translate';
import { REPORT_TEXT_KEYS, labelText, reportLabelKeys } from './report-text';

/** The translated texts the export needs: every label key of the report and the layout's own texts. */
export function exportLabels(t: Translate, report: Report): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of [...reportLabelKeys(report), ...REPORT_TEXT_KEYS]) labels[key] = labelText(t, key);
  return labels;
}

/** Saves bytes as a file through a temporary object URL and a download link. */
export function downloadFile(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.className = 'visually-hidden';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked after the click has been handled, so the browser has started reading the file.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export const EXPORT_UNAVAILABLE = 'reports:export is not available';

/** Asks the API for the report as a file and downloads it; returns the file's name. */
export async function exportReport(input: ReportInput, report: Report, format: ReportExportFormat, language: Language, t: Translate): Promise<string> {
  if (!Object.prototype.hasOwnProperty.call(channels, 'reports:export')) {
    throw new ApiCallError({ code: 'internal', message: EXPORT_UNAVAILABLE });
  }
  const request: ReportExportInput = { ...input, format, language, labels: exportLabels(t, report) };
  const file = await call('reports:export', request);
  downloadFile(file.fileName, file.mimeType, file.base64);
  return file.fileName;
}
