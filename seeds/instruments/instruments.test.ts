import { describe, expect, it } from 'vitest';
import { RiskTemplateSchema } from '../../core/contract';
import { BUILTIN_INSTRUMENT_FILES, BUILTIN_TEMPLATE_PREFIX } from './index';

const parsed = BUILTIN_INSTRUMENT_FILES.map((f) => RiskTemplateSchema.safeParse(f));

describe('shipped instrument templates', () => {
  it('each passes RiskTemplateSchema unchanged', () => {
    for (const [i, r] of parsed.entries()) {
      expect(r.error?.issues ?? [], `template ${i}`).toEqual([]);
      // Already in the stored form: trimming or stripping would change nothing.
      expect(r.data).toEqual(BUILTIN_INSTRUMENT_FILES[i]);
    }
  });

  it('are the screening, the adult structured judgement and the child template, with reserved ids', () => {
    const templates = parsed.map((r) => RiskTemplateSchema.parse(r.data));
    expect(templates.map((t) => [t.id, t.target])).toEqual([
      ['fristad-screening', 'adult'],
      ['fristad-spj-adult', 'adult'],
      ['fristad-child', 'child'],
    ]);
    for (const t of templates) expect(t.id.startsWith(BUILTIN_TEMPLATE_PREFIX)).toBe(true);
  });

  it('are worded in Swedish and English throughout', () => {
    const texts: unknown[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('sv' in o || 'en' in o) texts.push(o);
        else Object.values(o).forEach(walk);
      }
    };
    walk(BUILTIN_INSTRUMENT_FILES);
    expect(texts.length).toBeGreaterThan(100);
    for (const t of texts) expect(t).toEqual({ sv: expect.any(String), en: expect.any(String) });
  });

  it('group the adult judgement as pattern, perpetrators and vulnerability, perpetrator items answered per perpetrator', () => {
    const spj = RiskTemplateSchema.parse(BUILTIN_INSTRUMENT_FILES[1]);
    expect(spj.sections.map((s) => s.id)).toEqual(['pattern', 'perpetrators', 'vulnerability']);
    expect(spj.sections[1]?.items.every((i) => i.perPerpetrator)).toBe(true);
    expect(spj.outputs.map((o) => o.id)).toEqual(['acute_risk', 'long_term_risk', 'severity', 'likely_targets', 'scenarios', 'protective_measures']);
  });
});
