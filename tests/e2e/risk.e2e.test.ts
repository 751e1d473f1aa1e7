import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, launchBrowser, startApp, watchPage, type RunningApp } from './harness';

let browser: Browser;
let app: RunningApp;
let page: Page;
let watch: { errors: string[] };

const PASSPHRASE = 'handläggarens långa lösenfras';
const INSTRUMENT = 'Strukturerad bedömning av våld i nära relation och hedersrelaterat våld (version 1)';
const PRIOR_VIOLENCE = 'Har tidigare utövat våld mot partner, familjemedlemmar eller andra.';
const BREACHED_ORDERS = 'Har brutit mot kontaktförbud, villkor, domstolsbeslut eller tidigare överenskommelser.';
const KARL = 'Karl Förövarsson (Tidigare partner)';
const OLLE = 'Olle Förövarsson (Annan släkting)';

function api(channel: string, input: unknown): Promise<unknown> {
  return apiFromPage(page, app, channel, input);
}

/** The risk section's part for the survivor. */
function survivorGroup(): Locator {
  return page.locator('section.risk-person').filter({ has: page.getByRole('heading', { level: 3, name: 'Sara Exempelsson (den våldsutsatta)' }) });
}

function panel(): Locator {
  return page.locator('section.risk-panel');
}

/** One answer of an item asked per perpetrator. */
function perPerpetrator(item: string, perpetrator: string): Locator {
  return panel().getByRole('group', { name: item, exact: true }).getByRole('radiogroup', { name: perpetrator, exact: true });
}

/** A question asked once, or a judged level. */
function once(name: string): Locator {
  return panel().getByRole('radiogroup', { name, exact: true });
}

async function completeWithConfirm(): Promise<void> {
  await panel().getByRole('button', { name: 'Slutför bedömningen …' }).click();
  await page.getByRole('button', { name: 'Ja, slutför' }).click();
  await page.getByText(/Bedömningen är slutförd\. Risknivån syns i ärendets sidhuvud/).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage();
  watch = watchPage(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Välkommen till Fristad' }).waitFor();
  await api('session:setup', { teamName: 'Relationsvåldsteamet', username: 'admin', displayName: 'Adam Administratör', passphrase: `${PASSPHRASE} (admin)` });
  // The administrator sees no case content: the assessments are a team lead's, who may also check the log.
  await api('users:create', { username: 'hanna', displayName: 'Hanna Handläggare', role: 'team_lead', passphrase: PASSPHRASE });
  await api('session:unlock', { username: 'hanna', passphrase: PASSPHRASE });
  // Making a case through the UI is covered by caseworker-day.e2e.test.ts; here it starts made.
  await api('cases:create', {
    survivor: {
      name: 'Sara Exempelsson',
      personalIdentityNumber: '',
      gender: 'woman',
      birthYear: 1991,
      language: 'svenska',
      interpreterNeeded: false,
      safeContact: '',
    },
    protectionLevel: 'none',
    honourContext: true,
    vulnerabilities: [],
    vulnerabilityNote: '',
    districtSlug: null,
    assignedUserId: null,
    children: [],
    perpetrators: [
      { name: 'Karl Förövarsson', relation: 'former_partner', collective: false, notes: '', areas: [] },
      { name: 'Olle Förövarsson', relation: 'relative', collective: true, notes: '', areas: [] },
    ],
  });
  await page.reload();
});

afterAll(async () => {
  await page.close();
  await browser.close();
  await app.stop();
});

describe('a risk assessment and a reassessment in Chromium', () => {
  it('completes an assessment with answers per perpetrator, and the case shows the level and the review', async () => {
    await page.getByRole('button', { name: 'Ärenden' }).click();
    await page.getByRole('grid', { name: 'Ärendelista' }).getByText('Sara Exempelsson').click();
    await page.getByRole('heading', { level: 1, name: /Sara Exempelsson/ }).waitFor();
    const header = page.locator('.case-header');
    await header.getByText('Ingen slutförd riskbedömning').waitFor();

    await survivorGroup().getByRole('button', { name: 'Ny bedömning', exact: true }).click();
    await survivorGroup().getByLabel('Instrument').selectOption({ label: INSTRUMENT });
    await survivorGroup().getByRole('button', { name: 'Påbörja bedömningen' }).click();
    await panel()
      .getByRole('heading', { name: `Sara Exempelsson (den våldsutsatta): ${INSTRUMENT}` })
      .waitFor();

    await once('Våldet har ökat i frekvens eller blivit grövre över tid.').getByLabel('Ja', { exact: true }).check();
    await once('Det har förekommit hot om att döda den våldsutsatta, barnen, närstående eller en ny partner.').getByLabel('Ja', { exact: true }).check();
    // Two perpetrators: each answered in their own right.
    await perPerpetrator(PRIOR_VIOLENCE, KARL).getByLabel('Ja', { exact: true }).check();
    await perPerpetrator(PRIOR_VIOLENCE, OLLE).getByLabel('Ja', { exact: true }).check();
    await perPerpetrator(BREACHED_ORDERS, KARL).getByLabel('Ja', { exact: true }).check();
    await perPerpetrator(BREACHED_ORDERS, OLLE).getByLabel('Vet inte', { exact: true }).check();
    const summary = panel().getByRole('complementary', { name: 'Summering – stöd för bedömningen, inte en risknivå' });
    await summary.getByText(/^4 av \d+ faktorer föreligger$/).waitFor();

    await panel().getByRole('button', { name: 'Spara utkast' }).click();
    await panel().getByText('Utkastet är sparat.').waitFor();

    // Without the judgement it cannot be completed.
    await panel().getByRole('button', { name: 'Slutför bedömningen …' }).click();
    expect(await panel().getByText('Välj en nivå: låg, medel eller hög.').count()).toBe(3);

    await once('Akut risk (visas i ärendets sidhuvud)').getByLabel('Hög', { exact: true }).check();
    await panel().getByLabel('Motivering: Akut risk').fill('Hot om att döda och flera förövare som letar efter henne.');
    await once('Risk på längre sikt').getByLabel('Hög', { exact: true }).check();
    await panel().getByLabel('Motivering: Risk på längre sikt').fill('Släkten står bakom hoten.');
    await once('Hur allvarligt våldet kan bli').getByLabel('Hög', { exact: true }).check();
    await panel().getByLabel('Motivering: Hur allvarligt våldet kan bli').fill('Tidigare grovt våld.');
    await panel().getByLabel('Vem riskerar att drabbas').fill('Sara, och hennes syster som hjälpt henne.');
    await panel().getByLabel('Troliga scenarier').fill('Släktingar söker upp henne i den nya kommunen.');
    await panel().getByLabel('Skyddsåtgärder').fill('Skyddat boende, skyddade personuppgifter, flytt långt bort.');
    await panel().getByLabel('Hur den våldsutsatta själv ser på sin risk').fill('Hon är rädd att brodern hittar henne.');
    await completeWithConfirm();
    expect(await panel().locator('input, textarea, select').count()).toBe(0);

    await header.getByText('Risknivå: Hög').waitFor();
    await header.getByText(/^Nästa omprövning /).waitFor();
    const reminders = page.locator('section.case-section').filter({ has: page.getByRole('heading', { level: 2, name: 'Påminnelser' }) });
    await reminders
      .locator('.reminder')
      .filter({ hasText: 'Omprövning' })
      .filter({ hasText: /Ompröva riskbedömning/ })
      .waitFor();
  });

  it('starts a reassessment as a copy, changes a factor and the level, and completes it', async () => {
    await panel().getByRole('button', { name: 'Stäng bedömningen' }).click();
    await survivorGroup()
      .getByRole('button', { name: /^Ny bedömning som kopia av den senaste/ })
      .click();
    await panel()
      .getByText(/Påbörjad som kopia av en tidigare bedömning/)
      .waitFor();
    // The copy starts from the earlier answers and judgement.
    expect(await perPerpetrator(PRIOR_VIOLENCE, OLLE).getByLabel('Ja', { exact: true }).isChecked()).toBe(true);
    expect(await once('Akut risk (visas i ärendets sidhuvud)').getByLabel('Hög', { exact: true }).isChecked()).toBe(true);

    await perPerpetrator(BREACHED_ORDERS, OLLE).getByLabel('Nej', { exact: true }).check();
    await once('Akut risk (visas i ärendets sidhuvud)').getByLabel('Medel', { exact: true }).check();
    await panel().getByLabel('Motivering: Akut risk').fill('Hon bor nu skyddat långt bort; hoten kvarstår men ingen vet var hon är.');
    await completeWithConfirm();
    await page.locator('.case-header').getByText('Risknivå: Medel').waitFor();
  });

  it('shows the history and compares the two assessments, the changed factor marked', async () => {
    await survivorGroup().getByRole('button', { name: 'Historik' }).click();
    const chart = survivorGroup().getByRole('img', { name: /Bedömda nivåer över tid/ });
    await chart.waitFor();
    expect(await chart.locator('[data-series="acute_risk"] .risk-chart-point').count()).toBe(2);

    await survivorGroup().getByRole('button', { name: 'Jämför', exact: true }).click();
    const compare = survivorGroup().locator('section.risk-compare');
    await compare.getByRole('button', { name: 'Jämför', exact: true }).click();
    const judgements = compare.getByRole('table', { name: 'Bedömda nivåer' });
    await judgements.waitFor();
    await judgements.getByRole('row', { name: /Akut risk Hög Medel Ändrad/ }).waitFor();

    await compare.getByLabel('Visa bara ändringar').check();
    const factors = compare.getByRole('table', { name: 'Faktorer' });
    const changed = factors.locator('tbody tr');
    expect(await changed.count()).toBe(1);
    const row = changed.first();
    expect(await row.getByRole('rowheader').textContent()).toBe(BREACHED_ORDERS);
    expect(await row.getByRole('cell').allTextContents()).toEqual([OLLE, 'Vet inte', 'Nej', 'Ändrad']);

    const verify = (await api('audit:verify', {})) as { ok: boolean };
    expect(verify.ok).toBe(true);
    expect(watch.errors).toEqual([]);
  });
});
