import type { z } from 'zod';
import { RiskTemplateSchema } from '../../../core/contract';
import type { ApiIssue } from '../../../core/contract';
import { isMessageKey } from '../i18n/translate';
import type { Translate } from '../i18n/translate';

type ZodIssue = z.core.$ZodIssue;

export interface DescribedIssue {
  /** Where in the file, e.g. sections[0].items[2].kind (with the id of the nearest part that has one). */
  where: string;
  message: string;
}

const TYPES = ['string', 'number', 'boolean', 'object', 'array'] as const;

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** The id of the innermost section, item or output the path runs through, to help find it in the file. */
function nearestId(root: unknown, path: readonly (string | number)[]): string | null {
  for (let end = path.length; end > 0; end -= 1) {
    if (typeof path[end - 1] !== 'number') continue;
    const id = (valueAt(root, path.slice(0, end)) as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') return id;
  }
  return null;
}

function fromZod(t: Translate, issue: ZodIssue, root: unknown): string | null {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(root, issue.path as (string | number)[]) === undefined) return t('risk.import_missing');
      const expected = TYPES.find((type) => type === issue.expected);
      return expected ? t('risk.import_expected', { type: t(`risk.type_${expected}`) }) : t('risk.import_wrong_type');
    }
    case 'unrecognized_keys':
      return t('risk.import_unknown_keys', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return t('risk.import_one_of', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
    case 'too_small':
      return issue.origin === 'array'
        ? t('risk.import_too_few', { min: Number(issue.minimum) })
        : issue.origin === 'string'
          ? t('risk.import_too_short', { min: Number(issue.minimum) })
          : t('risk.import_too_small', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'array'
        ? t('risk.import_too_many', { max: Number(issue.maximum) })
        : issue.origin === 'string'
          ? t('risk.import_too_long', { max: Number(issue.maximum) })
          : t('risk.import_too_big', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t('risk.import_format');
    default:
      return null;
  }
}

/**
 * What is wrong with an instrument file, in the user's language. The API answers with paths and
 * message codes (the template schema's own keys, JSON syntax positions) or, for the schema's
 * built-in checks, zod's English text: the same check is run here on the same file to say those
 * in the user's words.
 */
export function describeImportIssues(t: Translate, issues: readonly ApiIssue[], fileText: string): DescribedIssue[] {
  let root: unknown;
  let local: readonly ZodIssue[] = [];
  try {
    root = JSON.parse(fileText.startsWith('\uFEFF') ? fileText.slice(1) : fileText);
    const parsed = RiskTemplateSchema.safeParse(root);
    if (!parsed.success) local = parsed.error.issues;
  } catch {
    root = undefined;
  }
  return issues.map((issue) => {
    const id = nearestId(root, issue.path);
    const path = issue.path.length === 0 ? t('risk.import_path_root') : pathText(issue.path);
    const where = id ? t('risk.import_where_id', { path, id }) : path;
    const syntax = /^json_syntax(?:: line (\d+), column (\d+))?$/.exec(issue.message);
    if (syntax) {
      return {
        where: t('risk.import_path_root'),
        message: syntax[1] ? t('risk.import_json_syntax_at', { line: syntax[1], column: syntax[2] ?? '' }) : t('risk.import_json_syntax'),
      };
    }
    const key = `validation.${issue.message}`;
    if (isMessageKey(key)) return { where, message: t(key) };
    const same = local.find((l) => l.message === issue.message && pathText(l.path as (string | number)[]) === pathText(issue.path));
    return { where, message: (same ? fromZod(t, same, root) : null) ?? t('validation.generic') };
  });
}
