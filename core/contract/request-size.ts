/** The longest instrument file `risk:import-instrument` takes, in code points (what zod's `z.string().max` counts). */
export const INSTRUMENT_FILE_MAX_CHARS = 2_000_000;

/**
 * The most bytes one code point takes in JSON text as JSON.stringify (the page's encoder) writes
 * it: a control character escaped as `\u001f` is six bytes; any other code point is written raw,
 * at most 4 bytes of UTF-8. (A hand-made client escaping a code point outside the BMP as two
 * `\uXXXX` would need 12; such a file at the very limit is refused with 413.)
 */
export const JSON_MAX_BYTES_PER_CHAR = 6;

/** Room for the envelope (`{"channel":…,"input":{"json":…}}`) around the longest string. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The largest API request body a host accepts: the longest instrument file, every character
 * written in its longest JSON form, plus the envelope (about 12 MB). The instrument file is the
 * contract's longest string by far; see the README (Run modes) for the inputs this leaves out.
 */
export const API_REQUEST_MAX_BYTES = INSTRUMENT_FILE_MAX_CHARS * JSON_MAX_BYTES_PER_CHAR + ENVELOPE_BYTES;
