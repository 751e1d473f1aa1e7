/** Swedish texts of cases, people, journal and reminders. casework.en.ts has the same keys. */
export const caseworkSv = {} satisfies Record<string, string>;
