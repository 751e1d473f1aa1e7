import type { placementSv } from './placement.sv';

/** English texts of moves, Kompotten, the housing chain, shelters and support. */
export const placementEn: Record<keyof typeof placementSv, string> = {};
