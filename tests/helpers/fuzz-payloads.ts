import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Hostile payloads for the API fuzz: anything at all, payloads shaped like a channel's input with
 * wrong or extreme values inside, prototype-pollution keys, 1 MB strings and 1000-level nesting.
 */

const MEGABYTE = 1 << 20;

/** Built once: every payload that carries one shares the same string, so 10 000 runs stay cheap. */
const HUGE_STRINGS: readonly string[] = [
  'x'.repeat(MEGABYTE),
  'å'.repeat(MEGABYTE),
  '\u0000'.repeat(MEGABYTE),
  '2026-01-01'.repeat(MEGABYTE / 10),
  ' '.repeat(MEGABYTE),
  '\u{1F600}'.repeat(MEGABYTE / 2),
];

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'] as const;

/** A chain of `levels` objects or arrays, innermost first, built without recursion. */
export function nested(levels: number, kind: 'object' | 'array' | 'proto', leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) {
    if (kind === 'array') value = [value];
    else if (kind === 'object') value = { a: value, id: 1 };
    else value = JSON.parse(`{"__proto__": ${JSON.stringify({ polluted: true, depth: i })}, "caseId": 1}`) as unknown;
    if (kind === 'proto' && i >= 20) break;
  }
  return value;
}

const DEEP_VALUES: readonly unknown[] = [nested(1000, 'object'), nested(1000, 'array'), nested(1000, 'array', null), nested(30, 'proto')];

/** Strings that never start with a path separator: a fuzzed backup folder must stay a relative (refused) path, never a real one. */
function safeString(s: string): string {
  return s.replace(/^[\\/]+/, '');
}

/** Strings the contract cares about, so shaped payloads sometimes pass the first checks and go deeper. */
const DOMAIN_STRINGS = [
  '2026-01-15',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-01-15T10:00:00.000Z',
  '0180',
  '1980',
  '9999',
  'kungsholmen',
  '19121212-1212',
  '121212-1212',
  'fristad-20260101-000000.fbak',
  '../../etc/passwd',
  '{"__proto__":{"polluted":true}}',
  '%s%n',
  "'; DROP TABLE cases; --",
  '\u202Eevil',
  '\uD800',
];

const NUMBERS: readonly unknown[] = [Number.NaN, Infinity, -Infinity, -0, 0, 1, 2, 3, -1, 0.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, 1e21];

/** A leaf value that is wrong or almost right; cheap to build and to refuse. */
export const nastyLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-composite' }).map(safeString) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(safeString) },
  { weight: 2, arbitrary: fc.constantFrom(...DOMAIN_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, undefined, '', [], {}, 10n, new Date(Number.NaN), new Date(0)) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
);

/**
 * A 1 MB string or a 1000-level nesting. Refusing one costs real time (trim, regexes and date
 * checks run over the whole string), so payloads carry at most one and only a few percent do.
 */
export const extremeValue: fc.Arbitrary<unknown> = fc.constantFrom(...HUGE_STRINGS, ...DEEP_VALUES);

/** An object key: random, a pollution key, or a key the channel's schema knows. */
function keyArbitrary(known: readonly string[]): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [fc.string({ maxLength: 12 }), fc.constantFrom(...POLLUTION_KEYS)];
  if (known.length > 0) options.push(fc.constantFrom(...known));
  return fc.oneof(...options);
}

/** Anything at all (Map, Set, typed arrays, boxed values, null-prototype objects, BigInt, sparse arrays), with hostile keys and leaves. */
export function anythingHostile(knownKeys: readonly string[]): fc.Arbitrary<unknown> {
  return fc.anything({
    key: keyArbitrary(knownKeys),
    values: [nastyLeaf],
    maxDepth: 4,
    maxKeys: 6,
    withBoxedValues: true,
    withSet: true,
    withMap: true,
    withObjectString: true,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  });
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Every object key that appears anywhere in a schema. */
export function schemaKeys(schema: z.ZodType): string[] {
  const keys = new Set<string>();
  const seen = new Set<z.ZodType>();
  const walk = (s: z.ZodType | undefined): void => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const d = defOf(s);
    if (d.shape) {
      for (const [k, v] of Object.entries(d.shape)) {
        keys.add(k);
        walk(v);
      }
    }
    for (const inner of [d.innerType, d.in, d.out, d.element, d.left, d.right, d.keyType, d.valueType]) walk(inner);
    for (const o of [...(d.options ?? []), ...(d.items ?? [])]) walk(o);
    if (d.type === 'lazy' && d.getter) walk(d.getter());
  };
  walk(schema);
  return [...keys];
}

/**
 * Values shaped like the schema, where any node may instead be a nasty leaf: enough of them pass
 * validation (enum members, literal values, small ids, real dates and codes) to reach the worker.
 */
export function shaped(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return nastyLeaf;
  const d = defOf(schema);
  const like = ((): fc.Arbitrary<unknown> => {
    switch (d.type) {
      case 'object': {
        const fields = Object.fromEntries(Object.entries(d.shape ?? {}).map(([k, v]) => [k, shaped(v, depth + 1)]));
        const base = fc.record(fields, { requiredKeys: [] });
        return fc.oneof(
          { weight: 6, arbitrary: base },
          // A polluting or unknown key next to the right ones.
          {
            weight: 1,
            arbitrary: fc
              .tuple(base, keyArbitrary([]), nastyLeaf)
              .map(
                ([o, k, v]) => Object.defineProperty({ ...(o as object) }, k, { value: v, enumerable: true, configurable: true, writable: true }) as unknown,
              ),
          },
        );
      }
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return fc.oneof(fc.constantFrom(undefined, null), shaped(d.innerType as z.ZodType, depth + 1));
      case 'pipe':
        return shaped(d.in as z.ZodType, depth + 1);
      case 'enum':
        return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
      case 'literal':
        return fc.constantFrom(...(d.values ?? [null]));
      case 'array':
        return fc.array(shaped(d.element as z.ZodType, depth + 1), { maxLength: 3 });
      case 'tuple':
        return fc.tuple(...(d.items ?? []).map((i) => shaped(i, depth + 1)));
      case 'union':
        return fc.oneof(...(d.options ?? []).map((o) => shaped(o, depth + 1)));
      case 'intersection':
        return shaped(d.left as z.ZodType, depth + 1);
      case 'record':
        return fc.dictionary(
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...POLLUTION_KEYS, ...DOMAIN_STRINGS)),
          shaped(d.valueType as z.ZodType, depth + 1),
          { maxKeys: 4 },
        );
      case 'string':
        return fc.oneof(fc.constantFrom(...DOMAIN_STRINGS), fc.string({ maxLength: 30 }).map(safeString));
      case 'number':
      case 'int':
        return fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(...NUMBERS));
      case 'boolean':
        return fc.boolean();
      case 'lazy':
        return d.getter ? shaped(d.getter(), depth + 1) : nastyLeaf;
      default:
        return nastyLeaf;
    }
  })();
  return fc.oneof({ weight: 5, arbitrary: like }, { weight: 1, arbitrary: nastyLeaf });
}

/** Fixed hostile payloads every channel gets besides the generated ones. */
export const FIXED_HOSTILE: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true, "role": "administrator"}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
  Object.assign(Object.create(null) as object, JSON.parse('{"__proto__": {"polluted": true}, "id": 1}') as object),
  { prototype: { polluted: true }, __defineGetter__: 'x' },
  ...DEEP_VALUES,
  ...HUGE_STRINGS,
  { id: HUGE_STRINGS[0], caseId: Number.NaN, username: HUGE_STRINGS[1], passphrase: HUGE_STRINGS[0] },
  [1, 2, 3],
  'string',
  null,
  undefined,
  Number.NaN,
  -0,
  Infinity,
  new Map([['id', 1]]),
  new Set([1]),
  new Uint8Array(16),
  Symbol.for('fuzz'),
  () => 1,
];

/** A shaped payload with one top-level field replaced by an extreme value. */
function shapedWithExtreme(input: z.ZodType, keys: readonly string[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(shaped(input), fc.constantFrom(...keys), extremeValue)
    .map(([o, k, v]) => (o !== null && typeof o === 'object' && !Array.isArray(o) ? { ...(o as object), [k]: v } : v));
}

/**
 * The payloads for one channel: anything, shaped like its input, shaped with one extreme value,
 * and the fixed hostile ones. An empty object is the one valid input of many channels: it gets a
 * small share of its own (about 20 in 10 000), so those channels run their operation often enough
 * without spending the run on one repeated request. `keepValidPercent` thins out the valid
 * payloads of channels where every valid call is expensive (0: only payloads the schema refuses).
 */
export function channelPayloads(input: z.ZodType, options: { keepValidPercent?: number } = {}): fc.Arbitrary<unknown> {
  const keys = schemaKeys(input);
  // With no fields, everything the schema accepts (`{}`, but also a Map or a boxed number) reaches the operation as `{}`.
  const anything = keys.length > 0 ? anythingHostile(keys) : anythingHostile(keys).filter((v) => !input.safeParse(v).success);
  const kinds: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 400, arbitrary: anything },
    { weight: 20, arbitrary: fc.constantFrom(...FIXED_HOSTILE) },
  ];
  const keep = options.keepValidPercent ?? 100;
  if (keep > 0) kinds.push({ weight: 2, arbitrary: fc.constantFrom<unknown>({}, Object.create(null), new Map(), new Number(1), new Date(0)) });
  if (keys.length > 0) {
    kinds.push({ weight: 500, arbitrary: shaped(input) });
    kinds.push({ weight: 30, arbitrary: shapedWithExtreme(input, keys) });
  }
  const all = fc.oneof(...kinds);
  if (keep >= 100) return all;
  // Drop all but `keep` percent of the valid payloads (the percentage is drawn, so a seed replays it).
  return fc
    .tuple(all, fc.integer({ min: 0, max: 99 }))
    .filter(([v, dice]) => dice < keep || !input.safeParse(v).success)
    .map(([v]) => v);
}
