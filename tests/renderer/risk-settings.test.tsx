import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { installBridge } from './fake-bridge';
import { ADMIN, settings, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';
import { assessment, assessmentPanel, openRiskCase, personGroup } from './risk-fixtures';

describe('review intervals in the team settings', () => {
  it('lets an administrator set the days per judged level, checked as the API checks them', async () => {
    const bridge = installBridge()
      .ok('session:status', unlockedStatus(ADMIN))
      .ok('settings:get', settings())
      .on('settings:update', (update) => ({ ok: true, result: settings({ reviewDaysHigh: update.reviewDaysHigh ?? 14 }) }));
    const { user } = renderApp();
    await screen.findByRole('heading', { name: `Välkommen, ${ADMIN.displayName}` });
    await user.click(button('Inställningar'));
    const group = await screen.findByRole('group', { name: 'Omprövning av riskbedömningar' });
    expect(input('Medel, dagar').value).toBe('30');
    await user.clear(input('Hög risk, dagar'));
    await user.type(input('Hög risk, dagar'), '0');
    await user.click(button('Spara'));
    expect(within(group).getByText('Ange ett antal dagar mellan 1 och 365.')).toBeTruthy();
    expect(bridge.callsTo('settings:update')).toHaveLength(0);

    await user.clear(input('Hög risk, dagar'));
    await user.type(input('Hög risk, dagar'), '7');
    await user.click(button('Spara'));
    await screen.findByText('Inställningarna är sparade.');
    expect(bridge.callsTo('settings:update')).toEqual([
      expect.objectContaining({ teamName: 'Relationsvåldsteamet Test', idleLockMinutes: 10, reviewDaysHigh: 7, reviewDaysMedium: 30, reviewDaysLow: 90 }),
    ]);
  });

  it('uses the team’s days for the default review date of a draft', async () => {
    const { user } = await openRiskCase([assessment({ id: 101 })], undefined, (bridge) => bridge.ok('settings:get', settings({ reviewDaysHigh: 7 })));
    const survivor = await personGroup(/den våldsutsatta/);
    await user.click(within(survivor).getByRole('button', { name: /Fortsätt utkastet/ }));
    const panel = await assessmentPanel();
    expect(within(panel).getByText(/hög risk 7 dagar, medel 30 dagar, låg 90 dagar/)).toBeTruthy();
  });
});

describe('risk assessment in English', () => {
  it('shows the section, the form and the header in English', async () => {
    useLanguageStore.setState({ language: 'en' });
    const { user } = await openRiskCase([assessment({ id: 101 })]);
    const header = document.querySelector('.case-header') as HTMLElement;
    expect(within(header).getByText('No completed risk assessment')).toBeTruthy();
    const survivor = await screen.findByRole('heading', { level: 3, name: 'Testperson 3 (survivor)' });
    const section = survivor.closest('section') as HTMLElement;
    await user.click(within(section).getByRole('button', { name: /Continue the draft/ }));
    const form = await screen.findByRole('form', { name: 'Risk assessment' });
    expect(within(form).getByRole('complementary', { name: 'Summary – support for the judgement, not a risk level' })).toBeTruthy();
    expect(within(form).getByText('0 of 4 factors present')).toBeTruthy();
    expect(within(form).getByRole('radiogroup', { name: 'Threats to kill' })).toBeTruthy();
    expect(within(form).getByRole('radiogroup', { name: 'Acute risk (shown in the case header)' })).toBeTruthy();
    expect(
      within(within(form).getByRole('group', { name: 'Earlier violence' })).getByRole('radiogroup', { name: 'Unknown name (Other relative)' }),
    ).toBeTruthy();
  });
});
