import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, watchPage, type RunningApp } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const PASSPHRASE = 'vår långa testlösenfras 2026';

describe('first run, lock and unlock in Chromium', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    expect(await app.stop()).toBe(0);
    expect(app.output()).toContain('the database is closed');
  });

  it('sets up the team, shows the recovery key once, locks with Ctrl+L, refuses a wrong passphrase and unlocks', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page);
    await page.goto(app.url);

    // The token leaves the address bar at once.
    await expect.poll(() => page.url()).not.toContain('token=');

    await page.getByRole('heading', { name: 'Välkommen till Fristad' }).waitFor();
    await page.getByLabel('Teamets namn').fill('Relationsvåldsteamet Söder');
    await page.getByLabel('Användarnamn').fill('anna.admin');
    await page.getByLabel('Namn som visas').fill('Anna Administratör');
    await page.getByLabel('Lösenfras', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Upprepa lösenfrasen').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Skapa teamet' }).click();

    await page.getByRole('heading', { name: 'Teamets återställningsnyckel' }).waitFor();
    const key = await page.locator('.recovery-key, [data-testid="recovery-key"]').first().innerText();
    expect(key.replace(/\s/g, '')).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    const proceed = page.getByRole('button', { name: 'Fortsätt' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('Jag har förvarat återställningsnyckeln på ett säkert ställe').check();
    await proceed.click();

    await page.getByRole('heading', { name: /Välkommen, Anna Administratör/ }).waitFor();
    expect(await page.getByText('Relationsvåldsteamet Söder').first().isVisible()).toBe(true);

    // Lock with the keyboard shortcut: the unlock screen, and nothing of the session left in the page.
    await page.keyboard.press('Control+KeyL');
    await page.getByRole('heading', { name: 'Lås upp Fristad' }).waitFor();
    expect(await page.content()).not.toContain('Anna Administratör');
    expect(await page.content()).not.toContain(key.trim());

    await page.getByLabel('Användarnamn').fill('anna.admin');
    await page.getByLabel('Lösenfras', { exact: true }).fill('fel lösenfras helt enkelt');
    await page.getByRole('button', { name: 'Lås upp', exact: true }).click();
    await page.getByText('Fel användarnamn eller lösenfras.').waitFor();
    expect(await page.getByLabel('Lösenfras', { exact: true }).inputValue()).toBe('');

    await page.getByLabel('Lösenfras', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Lås upp', exact: true }).click();
    await page.getByRole('heading', { name: /Välkommen, Anna Administratör/ }).waitFor();

    // The audit view confirms the chain holds after all of this.
    await page
      .getByRole('link', { name: 'Logg' })
      .or(page.getByRole('button', { name: 'Logg' }))
      .first()
      .click();
    await page.getByRole('button', { name: 'Kontrollera loggkedjan' }).click();
    await page.getByText(/Loggkedjan är hel/).waitFor();

    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('refuses the API to a page without the token', async () => {
    const page = await browser.newPage();
    const origin = new URL(app.url).origin;
    await page.goto(`${origin}/`);
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ channel: 'session:status', input: {} }),
      });
      return r.status;
    });
    expect(status).toBe(401);
    await page.close();
  });
});

describe('fictional demo data', () => {
  it('starts with --demo, shows the demo login on screen and unlocks with it', async () => {
    const app = await startApp(['--demo']);
    try {
      expect(app.output()).toMatch(/demo user "demo", passphrase "[^"]+"/);
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Lås upp Fristad' }).waitFor();
      await page.getByText('Fiktiva demodata – ingenting här rör verkliga personer.').first().waitFor();
      expect(await page.getByLabel('Användarnamn').inputValue()).toBe('demo');
      await page.getByRole('button', { name: 'Lås upp', exact: true }).click();
      await page.getByRole('heading', { name: /Välkommen/ }).waitFor();
      expect(watch.errors).toEqual([]);
      await page.close();
    } finally {
      await app.stop();
    }
  });
});
