/** Swedish texts of moves, Kompotten, the housing chain, shelters and support. placement.en.ts has the same keys. */
export const placementSv = {} satisfies Record<string, string>;
