import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInput } from '../helpers/casework';
import { apiFromPage, launchBrowser, startApp, watchPage, type RunningApp } from './harness';

// Issue 6 in Chromium, through the real handlers: a caseworker's protected case is masked until
// revealed with a reason; a team lead who is not named on it sees only its number; the reveal and
// its reason are in the log review's list of protected-case access; the case's log extract shows it.

let browser: Browser;
let app: RunningApp;
let page: Page;
let watch: { errors: string[] };

const PASSPHRASE = 'en lång lösenfras för testet';
const CANARY_CONTACT = 'KANARIE-KONTAKT 070-000 00 00';
const REASON = 'Planerar flytten med mottagande kommun.';

function api(channel: string, input: unknown = {}): Promise<unknown> {
  return apiFromPage(page, app, channel, input);
}

async function unlockAs(username: string): Promise<void> {
  await api('session:unlock', { username, passphrase: PASSPHRASE });
  await page.reload();
  await page
    .getByRole('button', { name: 'Ärenden' })
    .or(page.getByRole('link', { name: 'Ärenden' }))
    .first()
    .waitFor();
}

let caseNumber = '';
let caseId = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage();
  watch = watchPage(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Välkommen till Fristad' }).waitFor();
  await api('session:setup', { teamName: 'Relationsvåldsteamet', username: 'admin', displayName: 'Adam Administratör', passphrase: PASSPHRASE });
  await api('users:create', { username: 'kim', displayName: 'Kim Handläggare', role: 'caseworker', passphrase: PASSPHRASE });
  await api('users:create', { username: 'lena', displayName: 'Lena Gruppledare', role: 'team_lead', passphrase: PASSPHRASE });
  await api('session:unlock', { username: 'kim', passphrase: PASSPHRASE });
  const created = (await api(
    'cases:create',
    caseInput({ survivor: { ...caseInput().survivor, name: 'Sara Skyddad', safeContact: CANARY_CONTACT }, protectionLevel: 'sekretessmarkering' }),
  )) as { id: number; caseNumber: string };
  caseNumber = created.caseNumber;
  caseId = created.id;
  await page.reload();
});

afterAll(async () => {
  await page.close();
  await browser.close();
  await app.stop();
});

describe('trust in Chromium', () => {
  it('masks a protected case until the caseworker reveals it with a reason', async () => {
    await page
      .getByRole('button', { name: 'Ärenden' })
      .or(page.getByRole('link', { name: 'Ärenden' }))
      .first()
      .click();
    await page.getByRole('grid').getByRole('row').filter({ hasText: 'Sara Skyddad' }).click();
    await page
      .getByRole('heading', { name: /Sara Skyddad/ })
      .first()
      .waitFor();
    await page.getByText('Skyddad uppgift').first().waitFor();
    expect(await page.content()).not.toContain(CANARY_CONTACT);

    await page.getByRole('button', { name: 'Visa skyddade uppgifter' }).click();
    await page.getByLabel('Motivering').fill('kort');
    await page.getByRole('button', { name: /^Visa( i \d+ min)?$/ }).click();
    await page.getByText('Skriv en motivering på 10–500 tecken.').waitFor();
    await page.getByLabel('Motivering').fill(REASON);
    await page.getByRole('button', { name: /^Visa( i \d+ min)?$/ }).click();
    await page.getByText(/Skyddade uppgifter visas till/).waitFor();
    await page.getByText(CANARY_CONTACT).first().waitFor();
  });

  it('shows a team lead who is not named on the case only its number, and refuses to open it', async () => {
    await unlockAs('lena');
    await page
      .getByRole('button', { name: 'Ärenden' })
      .or(page.getByRole('link', { name: 'Ärenden' }))
      .first()
      .click();
    await page.getByText('Skyddat – inte namngiven').waitFor();
    expect(await page.getByText(caseNumber).first().isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Sara Skyddad');
    await expect(api('cases:get', { id: caseId })).rejects.toThrow(/forbidden/);
  });

  it('lists the reveal with its reason under protected-case access in the log review', async () => {
    await page
      .getByRole('button', { name: 'Logg' })
      .or(page.getByRole('link', { name: 'Logg' }))
      .first()
      .click();
    await page.getByRole('radio', { name: 'Skyddade ärenden' }).check();
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    const table = page.getByRole('table', { name: 'Loggrader' });
    const reveal = table.getByRole('row').filter({ hasText: REASON });
    await reveal.first().waitFor();
    expect(await reveal.first().textContent()).toContain('Kim Handläggare');
    expect(await page.content()).not.toContain(CANARY_CONTACT);
    expect(watch.errors).toEqual([]);
  });
});
