import type { RecordPrintInput } from '../../../core/contract';
import { call } from '../api/client';

/**
 * Prints after the log has recorded it. Paper is beyond the log's reach, so the print is recorded
 * first and nothing is printed when that fails (the caller shows the error).
 */
export async function printRecorded(input: RecordPrintInput): Promise<void> {
  await call('audit:record-print', input);
  window.print();
}
