import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../core/rules/calendar';
import { axisLabels } from '../../renderer/src/risk/risk-chart';
import { CHILD_TEMPLATE, assessment, assessmentPanel, judged, openRiskCase, personGroup, riskCase } from './risk-fixtures';

const completed = (id: number, day: string, acute: 'low' | 'medium' | 'high', longTerm: 'low' | 'medium' | 'high', answers = assessment({ id }).answers) =>
  assessment({
    id,
    status: 'completed',
    startedAt: `${day}T08:00:00.000Z`,
    completedAt: `${day}T10:00:00.000Z`,
    completedByName: 'Cecilia Exempelsson',
    judgements: judged(acute, longTerm),
    answers,
  });

describe('risk section of a case', () => {
  it("lists the survivor's and each child's assessments apart, newest first, with status, who and judged levels", async () => {
    await openRiskCase([
      completed(90, '2026-01-10', 'high', 'high'),
      completed(91, '2026-02-10', 'medium', 'high'),
      assessment({ id: 92, startedAt: '2026-03-01T09:00:00.000Z' }),
      assessment({ id: 93, childId: 21, childName: 'Alva Testsson', templateId: 'test-child', templateVersion: '1', templateTitle: CHILD_TEMPLATE.title }),
    ]);
    const survivor = await personGroup(/Testperson 3 \(den våldsutsatta\)/);
    const rows = await within(survivor).findAllByRole('row');
    // Header, then the draft of March, February's and January's.
    expect(rows).toHaveLength(4);
    expect(within(rows[1] as HTMLElement).getByText('Utkast')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Akut risk: Medel')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Långsiktig risk: Hög')).toBeTruthy();
    expect(within(rows[3] as HTMLElement).getByText('Akut risk: Hög')).toBeTruthy();
    expect(within(survivor).getByText(/Senaste slutförda bedömning/)).toBeTruthy();

    const child = await personGroup('Alva Testsson (barn)');
    expect(within(child).getAllByRole('row')).toHaveLength(2);
    expect(within(child).getByText('Testbedömning barn (version 1)')).toBeTruthy();
    expect(within(child).getByText('Ingen slutförd bedömning än.')).toBeTruthy();
  });

  it('starts a new assessment of a child on a child instrument', async () => {
    const { user, bridge } = await openRiskCase();
    const child = await personGroup('Alva Testsson (barn)');
    await user.click(within(child).getByRole('button', { name: 'Ny bedömning' }));
    const select = within(child).getByLabelText('Instrument') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Testbedömning barn (version 1)']);
    await user.click(within(child).getByRole('button', { name: 'Påbörja bedömningen' }));
    await waitFor(() => expect(bridge.callsTo('risk:start')).toEqual([{ caseId: 3, childId: 21, templateId: 'test-child', copyFromId: null }]));
    const panel = await assessmentPanel();
    expect(within(panel).getByRole('heading', { name: 'Alva Testsson (barn): Testbedömning barn (version 1)' })).toBe(document.activeElement);
    expect(within(panel).getByLabelText('Hur barnet självt ser på sin situation, om barnet har fått komma till tals')).toBeTruthy();
  });

  it('offers only the newest adult instruments for the survivor', async () => {
    const { user } = await openRiskCase();
    const survivor = await personGroup(/den våldsutsatta/);
    await user.click(within(survivor).getByRole('button', { name: 'Ny bedömning' }));
    const select = within(survivor).getByLabelText('Instrument') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Testbedömning vuxen (version 2)']);
    await user.click(within(survivor).getByRole('button', { name: 'Avbryt' }));
    expect(within(survivor).queryByLabelText('Instrument')).toBeNull();
  });

  it('starts a reassessment as a copy of the latest completed one of the same person', async () => {
    const { user, bridge } = await openRiskCase([
      completed(90, '2026-01-10', 'high', 'high', [{ itemId: 'threats', perpetratorId: null, value: 'yes' }]),
      completed(91, '2026-02-10', 'medium', 'high', [{ itemId: 'threats', perpetratorId: null, value: 'no' }]),
    ]);
    const survivor = await personGroup(/den våldsutsatta/);
    await user.click(await within(survivor).findByRole('button', { name: /Ny bedömning som kopia av den senaste/ }));
    await waitFor(() => expect(bridge.callsTo('risk:start')).toEqual([{ caseId: 3, childId: null, templateId: 'test-adult', copyFromId: 91 }]));
    const panel = await assessmentPanel();
    expect(within(panel).getByText(/Påbörjad som kopia av en tidigare bedömning\./)).toBeTruthy();
    // The copy carries the earlier answers and judgement, ready to be changed.
    expect((within(within(panel).getByRole('radiogroup', { name: 'Hot om att döda' })).getByLabelText('Nej') as HTMLInputElement).checked).toBe(true);
    expect(
      (within(within(panel).getByRole('radiogroup', { name: 'Akut risk (visas i ärendets sidhuvud)' })).getByLabelText('Medel') as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('shows the latest judged level in the case header with its date, and an overdue review', async () => {
    const overdueDate = addDays(localIsoDate(new Date()), -3);
    await openRiskCase([], riskCase({ latestRisk: { assessmentId: 91, level: 'high', assessedAt: '2026-02-10T10:00:00.000Z', nextReviewDate: overdueDate } }));
    const header = document.querySelector('.case-header');
    if (!(header instanceof HTMLElement)) throw new Error('no header');
    expect(within(header).getByText('Risknivå: Hög')).toBeTruthy();
    expect(within(header).getByText(/^bedömd 10 feb\. 2026$/)).toBeTruthy();
    expect(within(header).getByText('Omprövning försenad')).toBeTruthy();
  });

  it('says so in the header when nothing is assessed yet', async () => {
    await openRiskCase();
    const header = document.querySelector('.case-header');
    if (!(header instanceof HTMLElement)) throw new Error('no header');
    expect(within(header).getByText('Ingen slutförd riskbedömning')).toBeTruthy();
  });

  it('charts one point per completed assessment, with the same data as a table', async () => {
    const { user } = await openRiskCase([
      completed(90, '2026-01-10', 'high', 'high'),
      completed(91, '2026-02-10', 'medium', 'high'),
      completed(92, '2026-03-10', 'low', 'medium'),
      assessment({ id: 93, startedAt: '2026-03-20T09:00:00.000Z' }),
    ]);
    const survivor = await personGroup(/den våldsutsatta/);
    const toggle = within(survivor).getByRole('button', { name: 'Historik' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const chart = within(survivor).getByRole('img', { name: /Bedömda nivåer över tid/ });
    const acute = chart.querySelectorAll('[data-series="acute"] .risk-chart-point');
    expect(acute).toHaveLength(3);
    expect([...acute].map((p) => p.getAttribute('data-level'))).toEqual(['high', 'medium', 'low']);
    expect(chart.querySelectorAll('[data-series="long_term"] .risk-chart-point')).toHaveLength(3);
    expect(chart.querySelector('desc')?.textContent).toMatch(/^3 slutförda bedömningar från .* Senast: Akut risk: Låg, Långsiktig risk: Medel\.$/);

    const table = within(survivor).getByRole('table', { name: /Bedömda nivåer per bedömning/ });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Slutförd', 'Instrument', 'Akut risk', 'Långsiktig risk']);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Testbedömning vuxen (version 2)', 'Låg', 'Medel']);
    // The table is there for screen readers, and can be shown.
    expect(table.parentElement?.className).toBe('visually-hidden');
    await user.click(within(survivor).getByRole('button', { name: 'Visa som tabell' }));
    expect(table.parentElement?.className).toBe('table-scroll');
  });

  it('compares two assessments: changed judgements and factors marked, and only the changes on request', async () => {
    const { user, bridge } = await openRiskCase([
      completed(90, '2026-01-10', 'high', 'high', [
        { itemId: 'threats', perpetratorId: null, value: 'yes' },
        { itemId: 'prior', perpetratorId: 31, value: 'yes' },
      ]),
      completed(91, '2026-02-10', 'medium', 'high', [
        { itemId: 'threats', perpetratorId: null, value: 'yes' },
        { itemId: 'prior', perpetratorId: 31, value: 'no' },
        { itemId: 'frequency', perpetratorId: null, value: 'weekly' },
      ]),
    ]);
    const survivor = await personGroup(/den våldsutsatta/);
    await user.click(within(survivor).getByRole('button', { name: 'Jämför' }));
    expect((within(survivor).getByLabelText('Bedömning A') as HTMLSelectElement).value).toBe('90');
    expect((within(survivor).getByLabelText('Bedömning B') as HTMLSelectElement).value).toBe('91');
    const compareSection = within(survivor)
      .getByRole('heading', { name: /Jämför två bedömningar/ })
      .closest('section') as HTMLElement;
    await user.click(within(compareSection).getByRole('button', { name: 'Jämför' }));
    await waitFor(() => expect(bridge.callsTo('risk:compare')).toEqual([{ leftId: 90, rightId: 91 }]));

    const judgements = await within(survivor).findByRole('table', { name: 'Bedömda nivåer' });
    const acute = within(judgements).getByRole('row', { name: /Akut risk/ });
    expect(acute.className).toBe('is-changed');
    expect(within(acute).getByText('Ändrad')).toBeTruthy();
    expect(within(judgements).getByRole('row', { name: /Långsiktig risk/ }).className).toBe('');

    const factors = within(survivor).getByRole('table', { name: 'Faktorer' });
    const prior = within(factors).getByRole('row', { name: /Tidigare våld Karl Påhittsson/ });
    expect(
      within(prior)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Karl Påhittsson (Tidigare partner)', 'Ja', 'Nej', 'Ändrad']);
    expect(within(factors).getByRole('row', { name: /Hur ofta/ }).textContent).toContain('Varje vecka');
    expect(within(survivor).getByText('2 av 7 svar har ändrats.')).toBeTruthy();

    await user.click(within(survivor).getByLabelText('Visa bara ändringar'));
    const shown = within(factors).getAllByRole('row').slice(1);
    expect(shown).toHaveLength(2);
    expect(shown.every((r) => r.className === 'is-changed')).toBe(true);
  });

  it('asks for two different assessments to compare', async () => {
    const { user, bridge } = await openRiskCase([completed(90, '2026-01-10', 'high', 'high'), completed(91, '2026-02-10', 'medium', 'high')]);
    const survivor = await personGroup(/den våldsutsatta/);
    await user.click(within(survivor).getByRole('button', { name: 'Jämför' }));
    await user.selectOptions(within(survivor).getByLabelText('Bedömning A'), '91');
    const compareSection = within(survivor)
      .getByRole('heading', { name: /Jämför två bedömningar/ })
      .closest('section') as HTMLElement;
    await user.click(within(compareSection).getByRole('button', { name: 'Jämför' }));
    expect(screen.getByText('Välj två olika bedömningar.')).toBeTruthy();
    expect(bridge.callsTo('risk:compare')).toHaveLength(0);
  });
});

describe('the chart’s date axis', () => {
  it('labels dates that do not crowd each other, always the first and the last', () => {
    expect(axisLabels([300])).toEqual([true]);
    expect(axisLabels([0, 5, 300, 320])).toEqual([true, false, false, true]);
    expect(axisLabels([0, 100, 200, 300])).toEqual([true, true, true, true]);
    expect(axisLabels([0, 30])).toEqual([true, false]);
  });
});
