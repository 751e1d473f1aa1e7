import { RiskTemplateSchema, type RiskTemplate } from '../contract/risk';
import type { AnswerIssue } from './risk-answers';

/** At most this many problems are listed; the message says how many there were in all. */
export const MAX_LISTED_ISSUES = 100;

export type InstrumentFileResult = { ok: true; template: RiskTemplate } | { ok: false; message: string; issues: AnswerIssue[] };

/** Line and column (from 1) of a character offset, for a syntax error's position. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * The offset of the first JSON syntax error in a text, or -1 when there is none. JSON.parse does
 * not always say where it stopped, and its message quotes the text: this scanner only finds the
 * place. Iterative, so deeply nested input cannot overflow the stack.
 */
export function jsonSyntaxErrorOffset(s: string): number {
  let i = 0;
  const n = s.length;
  const stack: string[] = [];
  const ws = (): void => {
    while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c === 0x5c) {
        const next = s[i + 1] ?? '';
        if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else if (next === 'u' && HEX4.test(s.slice(i + 2, i + 6))) i += 6;
        else return false;
      } else if (c < 0x20) return false;
      else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const c = s[i] ?? '';
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(s);
      if (!m) return false;
      i += m[0].length;
      return true;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (s.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    return false;
  };

  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    ws();
    if (state === 'value') {
      const c = s[i];
      if (c === '[' || c === '{') {
        stack.push(c);
        i++;
        ws();
        if (s[i] === (c === '[' ? ']' : '}')) {
          i++;
          stack.pop();
          state = 'after';
        } else state = c === '[' ? 'value' : 'key';
        continue;
      }
      if (!scalar()) return i;
      state = 'after';
    } else if (state === 'key') {
      if (s[i] !== '"' || !string()) return i;
      ws();
      if (s[i] !== ':') return i;
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : -1;
      if (s[i] === ',') {
        i++;
        state = top === '[' ? 'value' : 'key';
      } else if (s[i] === (top === '[' ? ']' : '}')) {
        i++;
        stack.pop();
      } else return i;
    }
  }
}

/**
 * Reads an instrument file's text: JSON syntax first, then the template schema with all its
 * checks. Never throws: a bad file gives a message and the list of what is wrong, each with its
 * path in the file. Messages name positions, keys and rules, never the file's text around them.
 */
export function readInstrumentFile(text: string): InstrumentFileResult {
  // A byte-order mark, as some editors save files, is not part of the JSON.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    const offset = jsonSyntaxErrorOffset(json);
    if (offset < 0) {
      return {
        ok: false,
        message: 'The file is not valid JSON. Check that it is the instrument file and that it is complete.',
        issues: [{ path: [], message: 'json_syntax' }],
      };
    }
    const { line, column } = lineAndColumn(json, offset);
    return {
      ok: false,
      message:
        offset >= json.length
          ? 'The file is not valid JSON: it ends too early. Check that it is complete.'
          : `The file is not valid JSON: there is a syntax error at line ${line}, column ${column}.`,
      issues: [{ path: [], message: `json_syntax: line ${line}, column ${column}` }],
    };
  }
  const parsed = RiskTemplateSchema.safeParse(value);
  if (parsed.success) return { ok: true, template: parsed.data };
  const all = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p.description ?? '') : p)),
    message: issue.message,
  }));
  const count = all.length;
  return {
    ok: false,
    message:
      count === 1
        ? 'The instrument file has 1 problem, listed below. Nothing was imported.'
        : `The instrument file has ${count} problems${count > MAX_LISTED_ISSUES ? ` (the first ${MAX_LISTED_ISSUES} are listed)` : ''}. Nothing was imported.`,
    issues: all.slice(0, MAX_LISTED_ISSUES),
  };
}
