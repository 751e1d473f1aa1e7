/** Operations of this domain; filled in by the casework work. */
export const journalOps = {} as const;
