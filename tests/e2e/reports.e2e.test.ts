import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, watchPage, type RunningApp } from './harness';

let browser: Browser;
let app: RunningApp;
let page: Page;
let watch: { errors: string[] };

const YEAR = new Date().getFullYear();

beforeAll(async () => {
  browser = await launchBrowser();
  // The demo user is a team lead (reports are theirs too), and the demo data has cases over more than one year.
  app = await startApp(['--demo']);
  page = await browser.newPage();
  watch = watchPage(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Lås upp Fristad' }).waitFor();
  await page.getByRole('button', { name: 'Lås upp', exact: true }).click();
  await page.getByRole('heading', { name: /Välkommen/ }).waitFor();
});

afterAll(async () => {
  await page.close();
  await browser.close();
  await app.stop();
});

describe('reports to socialnämnden in Chromium', () => {
  it('generates a report for this year, then for last year and a quarter, with tables and charts', async () => {
    await page.getByRole('button', { name: 'Rapporter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rapporter' }).waitFor();

    await page.getByRole('button', { name: 'Skapa rapport' }).click();
    await page.getByRole('heading', { level: 2, name: 'Rapport till socialnämnden' }).waitFor();
    await page.getByText(`Period: ${YEAR}-01-01 – ${YEAR}-12-31`).waitFor();
    await page.getByText(`Föregående period: ${YEAR - 1}-01-01 – ${YEAR - 1}-12-31`).waitFor();
    const flow = page.getByRole('region', { name: 'Ärendeflöde', exact: true });
    expect(await flow.getByRole('table').count()).toBe(2);
    const cells = await flow.getByRole('table').first().locator('tbody td').allTextContents();
    expect(cells.length).toBe(4);
    for (const cell of cells) expect(cell).toMatch(/^(\d[\d\s]*|<\d+)$/);
    await page.getByRole('img', { name: 'Ärenden per stadsdel' }).waitFor();
    await page.getByRole('img', { name: 'Boendekedjan: nästa steg efter skyddat boende' }).waitFor();
    await page.getByText(/betyder färre än \d+/).waitFor();

    await page.getByLabel('År', { exact: true }).selectOption(String(YEAR - 1));
    await page.getByRole('button', { name: 'Skapa rapport' }).click();
    await page.getByText(`Period: ${YEAR - 1}-01-01 – ${YEAR - 1}-12-31`).waitFor();

    await page.getByLabel('Typ av period').selectOption('quarter');
    await page.getByLabel('Kvartal', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Skapa rapport' }).click();
    await page.getByText(`Period: ${YEAR - 1}-04-01 – ${YEAR - 1}-06-30`).waitFor();
    await page.getByText(`Föregående period: ${YEAR - 1}-01-01 – ${YEAR - 1}-03-31`).waitFor();
    const text = await page.locator('article.report').textContent();
    expect(text).toMatch(/<\d+|\d/);
    expect(text).not.toMatch(/reports\.(table|col|row)\./);
    expect(watch.errors).toEqual([]);
  });

  it.each([
    ['CSV', /\.csv$/, (b: Buffer) => b.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))],
    ['Excel (XLSX)', /\.xlsx$/, (b: Buffer) => b.subarray(0, 2).toString('latin1') === 'PK'],
    ['PDF', /\.pdf$/, (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ] as const)('exports the report as %s into a download', async (name, extension, looksRight) => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name, exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(extension);
    expect(download.suggestedFilename()).toMatch(/^rapport-/);
    const file = await download.path();
    expect(looksRight(fs.readFileSync(file))).toBe(true);
    await page
      .getByText(/är sparad i hämtade filer/)
      .first()
      .waitFor();
    expect(watch.errors).toEqual([]);
  });
});
