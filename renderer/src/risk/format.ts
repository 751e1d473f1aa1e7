import type { LocalizedText, Perpetrator, RiskLevel, RiskTemplate, TemplateItem } from '../../../core/contract';
import type { Language } from '../i18n/language-store';
import type { Translate } from '../i18n/translate';

export const LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** An instrument's text in the user's language, else in the other one. */
export function localize(text: LocalizedText | undefined, language: Language): string {
  if (!text) return '';
  return (language === 'sv' ? (text.sv ?? text.en) : (text.en ?? text.sv)) ?? '';
}

/** The key of one answer in a form's state: the item, and the perpetrator for per-perpetrator items. */
export function answerKey(itemId: string, perpetratorId: number | null): string {
  return `${itemId}\u0000${perpetratorId ?? ''}`;
}

/** The input name of one answer, also the path its error is shown at. */
export function answerName(itemId: string, perpetratorId: number | null): string {
  return `answer.${itemId}.${perpetratorId ?? 'once'}`;
}

/** A perpetrator as the assessment names them; nameless ones stay recognisable by their relation. */
export function perpetratorName(t: Translate, perpetrator: Pick<Perpetrator, 'name' | 'relation'>): string {
  const name = perpetrator.name.trim() === '' ? t('risk.unknown_name') : perpetrator.name;
  return t('risk.perpetrator_label', { name, relation: t(`relation.${perpetrator.relation}`) });
}

/** A perpetrator by id, or the words for one no longer in the case. */
export function perpetratorNameById(t: Translate, perpetrators: readonly Perpetrator[], id: number): string {
  const p = perpetrators.find((x) => x.id === id);
  return p ? perpetratorName(t, p) : t('risk.removed_perpetrator');
}

export function findItem(template: RiskTemplate | null, itemId: string): TemplateItem | undefined {
  return template?.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
}

/** An answer as words: yes/no/unknown translated, a scale option's label, or the text itself. */
export function answerText(t: Translate, language: Language, item: TemplateItem | undefined, value: string | null | undefined): string {
  if (value === null || value === undefined || value.trim() === '') return t('risk.not_answered');
  if (item?.kind === 'scale') {
    const option = item.options?.find((o) => o.value === value);
    return option ? localize(option.label, language) : value;
  }
  if (item?.kind === 'text') return value;
  if (value === 'yes' || value === 'no' || value === 'unknown') return t(`risk.answer_${value}`);
  return value;
}

/** The title of an instrument version, e.g. "Screening (version 1)". */
export function instrumentTitle(t: Translate, language: Language, title: LocalizedText, version: string): string {
  return t('risk.instrument_title', { title: localize(title, language), version });
}
