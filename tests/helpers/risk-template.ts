import type { RiskTemplate } from '../../core/contract/risk';

/** A small template for the rules' tests; its wording is invented for testing. */
export const TEST_TEMPLATE: RiskTemplate = {
  format: 'fristad-risk-instrument',
  id: 'test-template',
  version: '1',
  title: { sv: 'Testmall', en: 'Test template' },
  target: 'adult',
  sections: [
    {
      id: 'pattern',
      title: { en: 'Pattern' },
      items: [
        { id: 'threats', kind: 'yes_no_unknown', label: { en: 'Threats' }, perPerpetrator: false, weight: 2 },
        { id: 'escalation', kind: 'yes_no_unknown', label: { en: 'Escalation' }, perPerpetrator: false },
        {
          id: 'frequency',
          kind: 'scale',
          label: { en: 'Frequency' },
          perPerpetrator: false,
          options: [
            { value: 'once', label: { en: 'Once' }, score: 0 },
            { value: 'sometimes', label: { en: 'Sometimes' }, score: 1 },
            { value: 'often', label: { en: 'Often' }, score: 2 },
            { value: 'unknown', label: { en: 'Unknown' } },
          ],
        },
        { id: 'notes', kind: 'text', label: { en: 'Notes' }, perPerpetrator: false },
      ],
    },
    {
      id: 'perpetrators',
      title: { en: 'Perpetrators' },
      items: [
        { id: 'prior', kind: 'yes_no_unknown', label: { en: 'Prior violence' }, perPerpetrator: true },
        { id: 'orders', kind: 'yes_no_unknown', label: { en: 'Breached orders' }, perPerpetrator: true, weight: 3 },
      ],
    },
    {
      id: 'protective',
      title: { en: 'Protective' },
      items: [{ id: 'support', kind: 'yes_no_unknown', label: { en: 'Support' }, perPerpetrator: false, weight: 0 }],
    },
  ],
  outputs: [
    { id: 'long_term', kind: 'level', label: { en: 'Long-term risk' } },
    { id: 'acute', kind: 'level', label: { en: 'Acute risk' }, headline: true },
    { id: 'measures', kind: 'text', label: { en: 'Measures' } },
  ],
};
