import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskTemplateSchema, type LocalizedText, type OutputField, type RiskTemplate, type TemplateItem } from '../../core/contract';
import { readInstrumentFile } from '../../core/rules/instrument-file';
import { DbError } from '../../db/errors';
import type { WorkerState } from '../../worker/worker-state';
import { riskOps } from '../../app/risk';
import { BUILTIN_INSTRUMENT_FILES } from '../../seeds/instruments';
import { auditCount, freshWorker } from '../helpers/casework';
import { TEST_TEMPLATE } from '../helpers/risk-template';

/** Text as the schema stores it: already trimmed, never empty. */
const cleanText = fc
  .string({ minLength: 1, maxLength: 40 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const localized: fc.Arbitrary<LocalizedText> = fc.oneof(
  fc.record({ sv: cleanText }),
  fc.record({ en: cleanText }),
  fc.record({ sv: cleanText, en: cleanText }),
);

const itemSpec = fc.record({
  kind: fc.constantFrom('yes_no_unknown', 'scale', 'text'),
  label: localized,
  help: fc.option(localized, { nil: undefined }),
  perPerpetrator: fc.boolean(),
  weight: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  options: fc.array(fc.record({ label: localized, score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) }), { minLength: 2, maxLength: 10 }),
});

/** Any valid template: ids unique by construction, optional fields present or absent (never undefined). */
const validTemplate: fc.Arbitrary<RiskTemplate> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,30}$/).filter((id) => !id.startsWith('fristad-')),
    version: fc.array(fc.integer({ min: 0, max: 9999 }), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')),
    title: localized,
    description: fc.option(localized, { nil: undefined }),
    target: fc.constantFrom('adult' as const, 'child' as const),
    sections: fc.array(fc.record({ title: localized, items: fc.array(itemSpec, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 4 }),
    outputs: fc.array(
      fc.record({ kind: fc.constantFrom('level' as const, 'text' as const), label: localized, help: fc.option(localized, { nil: undefined }) }),
      { minLength: 1, maxLength: 6 },
    ),
    headline: fc.boolean(),
  })
  .map((r) => {
    let n = 0;
    const sections = r.sections.map((s, si) => ({
      id: `section-${si}`,
      title: s.title,
      items: s.items.map((spec): TemplateItem => {
        const item: TemplateItem = { id: `item.${n++}`, kind: spec.kind, label: spec.label, perPerpetrator: spec.perPerpetrator };
        if (spec.help) item.help = spec.help;
        if (spec.weight !== undefined) item.weight = spec.weight;
        if (spec.kind === 'scale') {
          item.options = spec.options.map((o, oi) =>
            o.score === undefined ? { value: `opt_${oi}`, label: o.label } : { value: `opt_${oi}`, label: o.label, score: o.score },
          );
        }
        return item;
      }),
    }));
    const outputs: OutputField[] = r.outputs.map((o, oi) => {
      // At least one level output.
      const out: OutputField = { id: `out_${oi}`, kind: oi === 0 ? 'level' : o.kind, label: o.label };
      if (o.help) out.help = o.help;
      if (oi === 0 && r.headline) out.headline = true;
      return out;
    });
    const t: RiskTemplate = { format: 'fristad-risk-instrument', id: r.id, version: r.version, title: r.title, target: r.target, sections, outputs };
    if (r.description) t.description = r.description;
    return t;
  });

/** A valid template with one value somewhere replaced by something arbitrary. */
const mutated = fc.tuple(validTemplate, fc.nat(), fc.jsonValue()).map(([t, at, value]) => {
  const copy = JSON.parse(JSON.stringify(t)) as Record<string, unknown>;
  const spots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        spots.push({ parent: node, key: i });
        walk(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        spots.push({ parent: node as Record<string, unknown>, key: k });
        walk(v);
      }
    }
  };
  walk(copy);
  const spot = spots[at % spots.length];
  if (spot) (spot.parent as Record<string | number, unknown>)[spot.key] = value;
  return JSON.stringify(copy);
});

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 6 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
  mutated,
  validTemplate.map((t) => JSON.stringify(t).slice(0, -1)),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '{}',
    '"x"',
    '\uFEFF',
    '{"__proto__": {"polluted": true}}',
    '{"format": "fristad-risk-instrument", "constructor": {"prototype": {"x": 1}}}',
  ),
);

describe('instrument file reader (pure)', () => {
  it('never throws on arbitrary text: a template, or a message with issues that have paths', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = readInstrumentFile(text);
        if (r.ok) {
          expect(RiskTemplateSchema.safeParse(r.template).success).toBe(true);
        } else {
          expect(r.message.length).toBeGreaterThan(0);
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) {
            expect(Array.isArray(issue.path)).toBe(true);
            expect(typeof issue.message).toBe('string');
          }
        }
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads every valid template back exactly', () => {
    fc.assert(
      fc.property(validTemplate, (t) => {
        const r = readInstrumentFile(JSON.stringify(t));
        expect(r).toEqual({ ok: true, template: t });
        // Stored as the parsed JSON and read again: still the same document.
        expect(readInstrumentFile(JSON.stringify(r.ok ? r.template : null))).toEqual({ ok: true, template: t });
      }),
      { numRuns: 300 },
    );
  });

  it('names what is wrong in an invalid file, by path', () => {
    const bad = {
      ...TEST_TEMPLATE,
      format: 'something-else',
      version: 'v1',
      sections: [
        {
          id: 's',
          title: { sv: 'S' },
          items: [
            { id: 'a', kind: 'scale', label: { sv: 'A' }, perPerpetrator: false },
            { id: 'a', kind: 'text', label: {}, perPerpetrator: 'yes' },
          ],
        },
      ],
      outputs: [{ id: 'o', kind: 'text', label: { sv: 'O' }, headline: true }],
      extra: true,
    };
    const r = readInstrumentFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^format: /),
        'version: version_format',
        expect.stringMatching(/^: .*extra/),
        'sections.0.items.0.options: scale_needs_options',
        'sections.0.items.1.label: text_missing_language',
        expect.stringMatching(/^sections\.0\.items\.1\.perPerpetrator: /),
      ]),
    );
    expect(r.message).toMatch(/\d+ problems/);
  });

  it('accepts the shipped templates', () => {
    for (const f of BUILTIN_INSTRUMENT_FILES) expect(readInstrumentFile(JSON.stringify(f)).ok).toBe(true);
  });
});

describe('risk:import-instrument against a real database', () => {
  let w: WorkerState;
  let cleanup: () => void;
  beforeAll(async () => ({ w, cleanup } = await freshWorker()));
  afterAll(() => cleanup());

  it('answers arbitrary files with a typed refusal and writes nothing for them', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (json) => {
        const before = await auditCount(w);
        try {
          const summary = await riskOps['risk:import-instrument'](w, { json });
          // Some mutations stay valid: those are imported like any good file.
          expect(summary.source).toBe('imported');
          expect(await auditCount(w)).toBe(before + 1);
        } catch (err) {
          expect(err).toBeInstanceOf(DbError);
          expect(['invalid_input', 'not_allowed']).toContain((err as DbError).code);
          expect(await auditCount(w)).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips valid templates: import, then risk:instrument returns the same document', async () => {
    await fc.assert(
      fc.asyncProperty(validTemplate, async (t) => {
        let imported: boolean;
        try {
          await riskOps['risk:import-instrument'](w, { json: JSON.stringify(t) });
          imported = true;
        } catch (err) {
          // The generator may repeat an id and version, or change the target of an id already imported.
          expect((err as DbError).code).toBe('not_allowed');
          imported = false;
        }
        if (imported) expect(await riskOps['risk:instrument'](w, { templateId: t.id, version: t.version })).toEqual(t);
      }),
      { numRuns: 100 },
    );
  });
});
