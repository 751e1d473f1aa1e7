/** Risk-assessment operations; filled in by the risk work. */
export const riskOps = {} as const;
