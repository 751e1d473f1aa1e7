import type { caseworkSv } from './casework.sv';

/** English texts of cases, people, journal and reminders. */
export const caseworkEn: Record<keyof typeof caseworkSv, string> = {};
