import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../core/rules/calendar';
import { assessment, assessmentPanel, judged, openRiskCase, personGroup } from './risk-fixtures';

/** Opens the survivor's draft 101 (or the given one) from the risk section. */
async function openDraft(drafts = [assessment({ id: 101 })]) {
  const app = await openRiskCase(drafts);
  const survivor = await personGroup(/Testperson 3 \(den våldsutsatta\)/);
  await app.user.click(await within(survivor).findByRole('button', { name: /Fortsätt utkastet/ }));
  const panel = await assessmentPanel();
  return { ...app, panel };
}

/** An item answered per perpetrator: a group of one radio group per perpetrator. */
function group(container: HTMLElement, name: string): HTMLElement {
  return within(container).getByRole('group', { name });
}

/** A question answered once, or a judged level: one radio group. */
function choice(container: HTMLElement, name: string): HTMLElement {
  return within(container).getByRole('radiogroup', { name });
}

describe('risk assessment form', () => {
  it('asks the per-perpetrator items once for each perpetrator of the case, by name', async () => {
    const { panel, user, bridge } = await openDraft();
    const prior = group(panel, 'Tidigare våld');
    const rows = within(prior).getAllByRole('radiogroup');
    expect(rows.map((r) => r.querySelector('legend')?.textContent)).toEqual(['Karl Påhittsson (Tidigare partner)', 'Okänt namn (Annan släkting)']);
    // Once-only items have one answer.
    expect(within(panel).getAllByRole('radiogroup', { name: 'Hot om att döda' })).toHaveLength(1);

    await user.click(within(within(prior).getByRole('radiogroup', { name: 'Karl Påhittsson (Tidigare partner)' })).getByLabelText('Ja'));
    await user.click(within(within(prior).getByRole('radiogroup', { name: 'Okänt namn (Annan släkting)' })).getByLabelText('Vet inte'));
    await user.click(within(panel).getByRole('button', { name: 'Spara utkast' }));
    await within(panel).findByText('Utkastet är sparat.');
    expect(bridge.callsTo('risk:save-draft')).toEqual([
      {
        id: 101,
        answers: [
          { itemId: 'prior', perpetratorId: 31, value: 'yes' },
          { itemId: 'prior', perpetratorId: 32, value: 'unknown' },
        ],
        judgements: [
          { outputId: 'acute', level: null, text: '', reason: '' },
          { outputId: 'long_term', level: null, text: '', reason: '' },
          { outputId: 'measures', level: null, text: '', reason: '' },
        ],
        survivorView: '',
        nextReviewDate: null,
      },
    ]);
  });

  it('counts present factors in a summary labelled as support, never as a level', async () => {
    const { panel, user } = await openDraft();
    const summary = within(panel).getByRole('complementary', { name: 'Summering – stöd för bedömningen, inte en risknivå' });
    expect(within(summary).getByText('0 av 4 faktorer föreligger')).toBeTruthy();

    await user.click(within(choice(panel, 'Hot om att döda')).getByLabelText('Ja'));
    await user.click(within(choice(panel, 'Hur ofta')).getByLabelText('Varje vecka'));
    await user.click(
      within(within(group(panel, 'Bryter mot kontaktförbud')).getByRole('radiogroup', { name: 'Okänt namn (Annan släkting)' })).getByLabelText('Ja'),
    );
    await user.click(
      within(within(group(panel, 'Tidigare våld')).getByRole('radiogroup', { name: 'Karl Påhittsson (Tidigare partner)' })).getByLabelText('Vet inte'),
    );
    expect(within(summary).getByText('3 av 4 faktorer föreligger')).toBeTruthy();
    expect(within(summary).getByText('Okänt: 1. Obesvarat: 0.')).toBeTruthy();
    const pattern = within(summary).getByRole('row', { name: /Våldets mönster/ });
    expect(within(pattern).getByText('2 av 2')).toBeTruthy();
    expect(within(summary).getByText('Föreligger för Okänt namn (Annan släkting): 1 (okänt: 0)')).toBeTruthy();
    // Support only: no level word anywhere in it.
    expect(summary.textContent).not.toMatch(/\b(Hög|Medel|Låg)\b/);

    // An answer can be taken back.
    await user.click(within(choice(panel, 'Hot om att döda')).getByRole('button', { name: 'Ta bort svaret' }));
    expect(within(summary).getByText('2 av 4 faktorer föreligger')).toBeTruthy();
    expect(document.activeElement).toBe(within(choice(panel, 'Hot om att döda')).getByLabelText('Ja'));
    expect((document.activeElement as HTMLInputElement).checked).toBe(false);
  });

  it('will not complete without a level and a reason, then sends the judgement and shows the result read-only', async () => {
    const { panel, user, bridge } = await openDraft();
    await user.click(within(panel).getByRole('button', { name: 'Slutför bedömningen …' }));
    expect(within(panel).getAllByText('Välj en nivå: låg, medel eller hög.')).toHaveLength(2);
    expect(within(panel).getAllByText('Skriv en motivering till nivån.')).toHaveLength(2);
    expect(within(panel).getByText('Fyll i fältet innan bedömningen slutförs.')).toBeTruthy();
    expect(screen.queryByText(/Slutföra bedömningen\?/)).toBeNull();
    // Focus goes to the first field that needs something.
    expect(document.activeElement?.getAttribute('name')).toBe('judgements.acute.level');
    expect(bridge.callsTo('risk:complete')).toHaveLength(0);

    await user.click(within(choice(panel, 'Akut risk (visas i ärendets sidhuvud)')).getByLabelText('Hög'));
    // What has been filled in since no longer says it is missing; the rest still does.
    expect(within(panel).getAllByText('Välj en nivå: låg, medel eller hög.')).toHaveLength(1);
    // The review date follows the headline level until the caseworker changes it.
    const review = within(panel).getByLabelText('Nästa omprövning');
    expect((review as HTMLInputElement).value).toBe(addDays(localIsoDate(new Date()), 14));
    await user.type(within(panel).getByLabelText('Motivering: Akut risk'), 'Hot om att döda efter separationen.');
    await user.click(within(choice(panel, 'Långsiktig risk')).getByLabelText('Medel'));
    await user.type(within(panel).getByLabelText('Motivering: Långsiktig risk'), 'Släkten stöder honom.');
    await user.type(within(panel).getByLabelText('Skyddsåtgärder'), 'Skyddat boende, kontaktförbud.');
    await user.type(within(panel).getByLabelText('Hur den våldsutsatta själv ser på sin risk'), 'Hon tror att han letar efter henne.');
    await user.click(within(panel).getByRole('button', { name: 'Slutför bedömningen …' }));
    expect(screen.getByText('Slutföra bedömningen? En slutförd bedömning kan inte ändras i efterhand.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ja, slutför' }));
    const casesBefore = bridge.callsTo('cases:get').length;
    const remindersBefore = bridge.callsTo('reminders:list').length;
    await user.click(screen.getByRole('button', { name: 'Ja, slutför' }));

    await screen.findByText(/Bedömningen är slutförd\. Risknivån syns i ärendets sidhuvud/);
    expect(bridge.callsTo('risk:save-draft').at(-1)).toMatchObject({
      id: 101,
      judgements: [
        { outputId: 'acute', level: 'high', text: '', reason: 'Hot om att döda efter separationen.' },
        { outputId: 'long_term', level: 'medium', text: '', reason: 'Släkten stöder honom.' },
        { outputId: 'measures', level: null, text: 'Skyddat boende, kontaktförbud.', reason: '' },
      ],
      survivorView: 'Hon tror att han letar efter henne.',
      nextReviewDate: null,
    });
    expect(bridge.callsTo('risk:complete')).toEqual([{ id: 101 }]);
    // The case header and the case's reminders are asked again.
    await waitFor(() => expect(bridge.callsTo('cases:get').length).toBeGreaterThan(casesBefore));
    await waitFor(() => expect(bridge.callsTo('reminders:list').length).toBeGreaterThan(remindersBefore));
    const done = await assessmentPanel();
    expect(done.querySelectorAll('input, textarea, select')).toHaveLength(0);
    expect(within(done).getByText('Hög')).toBeTruthy();
  });

  it('shows the judgement gaps the API answers with at their fields', async () => {
    const { panel, user, bridge } = await openDraft();
    bridge.fail('risk:complete', {
      code: 'invalid_input',
      message: 'The judgement is not complete (1 thing is missing).',
      issues: [{ path: ['judgements', 'long_term', 'reason'], message: 'required' }],
    });
    for (const [legend, level] of [
      ['Akut risk (visas i ärendets sidhuvud)', 'Låg'],
      ['Långsiktig risk', 'Låg'],
    ] as const) {
      await user.click(within(choice(panel, legend)).getByLabelText(level));
    }
    await user.type(within(panel).getByLabelText('Motivering: Akut risk'), 'Skäl');
    await user.type(within(panel).getByLabelText('Motivering: Långsiktig risk'), 'Skäl');
    await user.type(within(panel).getByLabelText('Skyddsåtgärder'), 'Inga');
    await user.click(within(panel).getByRole('button', { name: 'Slutför bedömningen …' }));
    await user.click(screen.getByRole('button', { name: 'Ja, slutför' }));
    const reason = within(panel).getByLabelText('Motivering: Långsiktig risk');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(panel).getByText('Skriv en motivering till nivån.')).toBeTruthy();
    expect(document.activeElement).toBe(reason);
    // Nothing typed is lost.
    expect((within(panel).getByLabelText('Skyddsåtgärder') as HTMLTextAreaElement).value).toBe('Inga');
  });

  it('keeps the review date the caseworker chose, and refuses one in the past', async () => {
    const { panel, user, bridge } = await openDraft([assessment({ id: 101, judgements: judged('low', 'low') })]);
    const review = within(panel).getByLabelText('Nästa omprövning') as HTMLInputElement;
    expect(review.value).toBe(addDays(localIsoDate(new Date()), 90));
    await user.clear(review);
    await user.type(review, '2020-01-01');
    await user.click(within(panel).getByRole('button', { name: 'Slutför bedömningen …' }));
    expect(within(panel).getByText(/Datumet för omprövning har redan passerat/)).toBeTruthy();
    expect(bridge.callsTo('risk:complete')).toHaveLength(0);

    const later = addDays(localIsoDate(new Date()), 10);
    await user.clear(review);
    await user.type(review, later);
    await user.click(within(panel).getByRole('button', { name: 'Spara utkast' }));
    await within(panel).findByText('Utkastet är sparat.');
    expect(bridge.callsTo('risk:save-draft').at(-1)).toMatchObject({ nextReviewDate: later });
    await user.click(within(panel).getByRole('button', { name: 'Använd det förvalda datumet' }));
    expect(review.value).toBe(addDays(localIsoDate(new Date()), 90));
  });

  it('shows a completed assessment read-only, with no inputs at all', async () => {
    const completed = assessment({
      id: 90,
      status: 'completed',
      completedAt: '2026-03-02T10:00:00.000Z',
      completedByName: 'Bertil Provsson',
      answers: [
        { itemId: 'threats', perpetratorId: null, value: 'yes' },
        { itemId: 'frequency', perpetratorId: null, value: 'monthly' },
        { itemId: 'prior', perpetratorId: 31, value: 'yes' },
      ],
      judgements: judged('medium', 'high'),
      survivorView: 'Hon känner sig trygg på boendet.',
      nextReviewDate: '2026-04-01',
    });
    const { user } = await openRiskCase([completed]);
    const survivor = await personGroup(/den våldsutsatta/);
    await user.click(within(survivor).getByRole('button', { name: /^Öppna Testbedömning vuxen/ }));
    const panel = await assessmentPanel();
    expect(panel.querySelectorAll('input, textarea, select')).toHaveLength(0);
    expect(within(panel).queryByRole('button', { name: 'Spara utkast' })).toBeNull();
    expect(within(panel).getByText(/Slutförd av Bertil Provsson/)).toBeTruthy();
    expect(within(panel).getByText('Hon känner sig trygg på boendet.')).toBeTruthy();
    expect(within(panel).getByText('Varje månad')).toBeTruthy();
    expect(within(panel).getByText('Karl Påhittsson (Tidigare partner): Ja')).toBeTruthy();
    expect(within(panel).getAllByText('Okänt namn (Annan släkting): Inte besvarad')).toHaveLength(2);
  });
});

describe('an unsaved draft', () => {
  it('is not left by Escape, and closing it asks first', async () => {
    const { panel, user } = await openDraft();
    const threats = within(panel).getByRole('radiogroup', { name: 'Hot om att döda' });
    await user.click(within(threats).getByLabelText('Ja'));
    // Escape from a button of the form (not a field) would otherwise go back to the list.
    within(threats).getByRole('button', { name: 'Ta bort svaret' }).focus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1, name: /RVT-2026-00003/ })).toBeTruthy();

    await user.click(within(panel).getByRole('button', { name: 'Stäng bedömningen' }));
    expect(screen.getByText('Ändringarna i utkastet är inte sparade. Stänga utan att spara?')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Stäng bedömningen' }));
    expect((within(threats).getByLabelText('Ja') as HTMLInputElement).checked).toBe(true);

    await user.click(within(panel).getByRole('button', { name: 'Stäng bedömningen' }));
    await user.click(screen.getByRole('button', { name: 'Stäng utan att spara' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Riskbedömning' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Testperson 3 (den våldsutsatta)' }));
  });
});
