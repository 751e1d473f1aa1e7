// The file-neutral layout of an exported document (a report or a log extract), shared by the
// CSV, XLSX and PDF renderers. Its own module, so the report and log exports both build on it
// without importing each other.

import type { Language } from '../i18n/language';

/** The language a file is written in: the UI's language type. */
export type ExportLanguage = Language;

/** A figure in a file: a number (counts, rounded measures) or a text ("<5", "–", ""). */
export type ExportValue = number | string;

export interface ExportRow {
  label: string;
  total: boolean;
  values: ExportValue[];
}

export interface ExportSection {
  id: string;
  title: string;
  header: string[];
  rows: ExportRow[];
}

export interface ExportDocument {
  title: string;
  /** Lines under the title: team, period, previous period, districts, generated on. */
  meta: string[];
  sections: ExportSection[];
  footnote: string;
}
