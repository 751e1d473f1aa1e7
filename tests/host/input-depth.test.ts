import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, exceedsDepth, INPUT_MAX_DEPTH, INPUT_MAX_VALUES, jsonTextDepthExceeds, jsonTextTooComplex, RETENTION_PURGE_MAX } from '../../core/contract';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import type { Api } from '../../electron/api/types';
import { tempDir } from '../helpers/temp';

type JsonSchema = { [key: string]: unknown };

/** How deeply a JSON Schema lets arrays/objects nest (Infinity for a recursive one). */
function schemaDepth(schema: unknown, defs: Record<string, unknown>, seen: ReadonlySet<string> = new Set()): number {
  if (typeof schema !== 'object' || schema === null) return 0;
  const s = schema as JsonSchema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop() ?? '';
    return seen.has(name) ? Infinity : schemaDepth(defs[name], defs, new Set([...seen, name]));
  }
  const branches = [s.anyOf, s.oneOf, s.allOf].flatMap((b) => (Array.isArray(b) ? b : []));
  let depth = Math.max(0, ...branches.map((b) => schemaDepth(b, defs, seen)));
  const children = [
    s.items,
    s.additionalProperties,
    ...(Array.isArray(s.prefixItems) ? s.prefixItems : []),
    ...Object.values((s.properties as JsonSchema | undefined) ?? {}),
  ];
  if (s.type === 'object' || s.type === 'array' || s.properties !== undefined || s.items !== undefined) {
    depth = Math.max(depth, 1 + Math.max(0, ...children.map((c) => schemaDepth(c, defs, seen))));
  }
  return depth;
}

describe('INPUT_MAX_DEPTH', () => {
  it('is above the deepest input any channel of the contract accepts', () => {
    const depths = Object.entries(channels).map(([name, c]) => {
      const schema = z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      return [name, schemaDepth(schema, (schema.$defs as Record<string, unknown> | undefined) ?? {})] as const;
    });
    const deepest = Math.max(...depths.map(([, d]) => d));
    expect(deepest).toBeGreaterThanOrEqual(3);
    expect(deepest).toBeLessThanOrEqual(INPUT_MAX_DEPTH);
  });
});

describe('jsonTextDepthExceeds', () => {
  it.each([
    ['{}', 1, false],
    ['{"a":{}}', 1, true],
    ['[[[]]]', 3, false],
    ['[[[[]]]]', 3, true],
    ['{"a":"[[[[[[["}', 1, false],
    ['{"a":"\\"[[[[[[["}', 1, false],
    ['{"a":"\\\\","b":[[]]}', 2, true],
    ['[1,[2],[3],[4]]', 2, false],
    ['"{{{{"', 0, false],
  ] as const)('%s at most %i deep: %s', (text, max, exceeds) => {
    expect(jsonTextDepthExceeds(text, max)).toBe(exceeds);
  });
});

describe('jsonTextTooComplex', () => {
  it('counts arrays, objects and commas outside strings against the budget', () => {
    expect(jsonTextTooComplex('[1,2,3]', 4, 3)).toBe(null);
    expect(jsonTextTooComplex('[1,2,3,4]', 4, 3)).toBe('values');
    expect(jsonTextTooComplex('{"a":",,,,,,,,"}', 4, 1)).toBe(null);
    expect(jsonTextTooComplex('[[[[1]]]]', 3, 100)).toBe('depth');
  });

  it('lets the widest legal input through: the purge list at its maximum', () => {
    const purge = JSON.stringify({ channel: 'retention:purge', input: { caseNumbers: Array.from({ length: RETENTION_PURGE_MAX }, (_, i) => `RV-2020-${i}`) } });
    expect(jsonTextTooComplex(purge, INPUT_MAX_DEPTH, INPUT_MAX_VALUES)).toBe(null);
  });
});

describe('exceedsDepth', () => {
  it('refuses a shallow value of more elements than the budget, or one reusing an object many times', () => {
    expect(exceedsDepth(new Array(INPUT_MAX_VALUES + 1).fill(0), INPUT_MAX_DEPTH)).toBe(true);
    expect(exceedsDepth(new Array(RETENTION_PURGE_MAX).fill('RV-2020-1'), INPUT_MAX_DEPTH)).toBe(false);
    const shared = new Array(1000).fill(0);
    expect(exceedsDepth(new Array(1000).fill(shared), INPUT_MAX_DEPTH)).toBe(true);
  });

  it('measures nesting of arrays and objects, not of scalars', () => {
    expect(exceedsDepth('x', 0)).toBe(false);
    expect(exceedsDepth({}, 1)).toBe(false);
    expect(exceedsDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsDepth({ a: [{ b: 1 }] }, 2)).toBe(true);
  });

  it('refuses a very deep value and a cyclic one without exhausting the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 500_000; i++) deep = [deep];
    expect(exceedsDepth(deep, INPUT_MAX_DEPTH)).toBe(true);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(exceedsDepth(cyclic, INPUT_MAX_DEPTH)).toBe(true);
  });
});

const calls: unknown[] = [];
const api: Api = {
  invoke: async (channel, input) => {
    calls.push(input);
    return { ok: true, result: { channel } };
  },
};
let host: BrowserHost;
let cleanup: () => void;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  host = await startBrowserHost({ api, staticDir: t.dir, port: null });
});
afterAll(async () => {
  await host.close();
  cleanup();
});

function invoke(body: string): Promise<{ status: number; answer: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: '/api/invoke',
        headers: { Origin: `http://127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, answer: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser mode and deep nesting', () => {
  it('refuses a body nested 490 000 deep with invalid_input before parsing it, while a small request still completes', async () => {
    const arrays = `{"channel":"session:status","input":${'['.repeat(490_000)}${']'.repeat(490_000)}}`;
    const objects = `{"channel":"session:status","input":${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}}`;
    const before = calls.length;
    const [deepArrays, deepObjects, small] = await Promise.all([
      invoke(arrays),
      invoke(objects),
      invoke(JSON.stringify({ channel: 'session:status', input: {} })),
    ]);
    expect(deepArrays).toMatchObject({ status: 400, answer: { ok: false, error: { code: 'invalid_input' } } });
    expect(deepObjects).toMatchObject({ status: 400, answer: { ok: false, error: { code: 'invalid_input' } } });
    expect(small).toMatchObject({ status: 200, answer: { ok: true } });
    expect(calls.length).toBe(before + 1);
  });

  it('refuses a shallow body of millions of values with invalid_input before parsing it', async () => {
    const wide = `{"channel":"session:status","input":[${'0,'.repeat(2_000_000)}0]}`;
    const before = calls.length;
    const reply = await invoke(wide);
    expect(reply).toMatchObject({ status: 400, answer: { ok: false, error: { code: 'invalid_input' } } });
    expect(calls.length).toBe(before);
  });

  it('passes a legitimately nested input (as deep as the bound allows) to the API', async () => {
    let input: unknown = { note: 'brackets in text do not count: [[[[{{{{' };
    for (let i = 1; i < INPUT_MAX_DEPTH; i++) input = { a: [input] }.a;
    const reply = await invoke(JSON.stringify({ channel: 'cases:create', input }));
    expect(reply).toMatchObject({ status: 200, answer: { ok: true } });
    expect(calls.at(-1)).toEqual(input);
    const deeper = await invoke(JSON.stringify({ channel: 'cases:create', input: [input] }));
    expect(deeper).toMatchObject({ status: 400, answer: { ok: false, error: { code: 'invalid_input' } } });
  });
});
