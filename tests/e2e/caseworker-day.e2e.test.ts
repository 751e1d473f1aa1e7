import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFromPage, launchBrowser, startApp, watchPage, type RunningApp } from './harness';

let browser: Browser;
let app: RunningApp;
let page: Page;
let watch: { errors: string[] };

const PASSPHRASE = 'handläggarens långa lösenfras';
const ADMIN_PASSPHRASE = 'administratörens långa lösenfras';

function api(channel: string, input: unknown): Promise<unknown> {
  return apiFromPage(page, app, channel, input);
}

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startApp();
  page = await browser.newPage();
  watch = watchPage(page);
  await page.goto(app.url);
  await page.getByRole('heading', { name: 'Välkommen till Fristad' }).waitFor();
  // The first run itself is covered by foundation.e2e.test.ts; here the day starts set up.
  await api('session:setup', { teamName: 'Relationsvåldsteamet', username: 'admin', displayName: 'Adam Administratör', passphrase: ADMIN_PASSPHRASE });
  // The administrator sees no case content: the day is a caseworker's.
  await api('users:create', { username: 'hanna', displayName: 'Hanna Handläggare', role: 'caseworker', passphrase: PASSPHRASE });
  await api('session:unlock', { username: 'hanna', passphrase: PASSPHRASE });
  await api('shelters:create', {
    name: 'Skyddat boende Linden',
    operator: 'Stiftelsen Exempel',
    municipalityCode: '1480',
    ivoKind: 'permit',
    ivoNumber: 'IVO-1',
    ivoValidUntil: '2099-12-31',
    capacityAdults: 6,
    capacityChildren: 8,
    specialisations: [],
    languages: '',
    contact: '',
  });
  await page.reload();
});

afterAll(async () => {
  await page.close();
  await browser.close();
  await app.stop();
});

describe("a caseworker's day in Chromium", () => {
  it('creates a case with two children and two perpetrators in different municipalities', async () => {
    await page
      .getByRole('button', { name: 'Ärenden' })
      .or(page.getByRole('link', { name: 'Ärenden' }))
      .first()
      .click();
    await page.getByRole('button', { name: 'Nytt ärende' }).click();
    await page.getByRole('heading', { name: 'Nytt ärende' }).waitFor();
    await page.getByLabel('Namn', { exact: true }).first().fill('Sara Exempelsson');

    await page.getByRole('button', { name: 'Lägg till barn' }).click();
    await page.getByRole('group', { name: 'Barn 1' }).getByLabel('Barnets namn').fill('Alva Exempelsson');
    await page.getByRole('button', { name: 'Lägg till barn' }).click();
    await page.getByRole('group', { name: 'Barn 2' }).getByLabel('Barnets namn').fill('Leo Exempelsson');

    for (const [n, name, municipality] of [
      [1, 'Karl Förövarsson', 'Västerås'],
      [2, 'Olle Förövarsson', 'Uppsala'],
    ] as const) {
      await page.getByRole('button', { name: 'Lägg till förövare' }).click();
      const person = page.getByRole('group', { name: `Förövare ${n}`, exact: true });
      await person.getByLabel('Namn', { exact: true }).fill(name);
      await person.getByRole('button', { name: /Lägg till område/ }).click();
      await person.getByLabel('Kommun').selectOption({ label: municipality });
    }
    await page.getByRole('button', { name: 'Skapa ärendet' }).click();
    await page
      .getByRole('heading', { name: /Sara Exempelsson/ })
      .first()
      .waitFor();
    expect(await page.getByText('Alva Exempelsson').first().isVisible()).toBe(true);
    expect(await page.getByText('Olle Förövarsson').first().isVisible()).toBe(true);
  });

  it('plans a Kompotten move, sees the distance warning, chooses another destination and walks it to completed', async () => {
    await page.getByRole('button', { name: 'Planera en flytt' }).click();
    const to = page.getByRole('combobox', { name: 'Till', exact: true });
    // Enköping lies between Västerås and Uppsala: well inside 100 km of both.
    await to.fill('Enköping');
    await to.press('Enter');
    const warning = page.getByRole('alert').filter({ hasText: /Varning: Enköping/ });
    await warning.waitFor();
    expect(
      await page
        .getByRole('table', { name: /Avståndskontroll för Enköping/ })
        .getByRole('row')
        .count(),
    ).toBe(3);

    await page.getByRole('button', { name: 'Välj en annan destination' }).click();
    await to.fill('Göteborg');
    await to.press('Enter');
    await page.getByText(/Inget känt område för förövare ligger för nära Göteborg/).waitFor();
    await page.getByLabel('Väg').selectOption({ label: 'Via Kompotten (växling mellan kommuner)' });
    await page.getByLabel('Planerat datum').fill(daysAgo(20));
    await page.getByRole('button', { name: 'Spara flytten', exact: true }).click();
    await page.getByText(/Flytten till Göteborg är sparad som planerad/).waitFor();
    // A Kompotten move offers to record the request in the team's ledger.
    await page.getByRole('button', { name: 'Spara förfrågan' }).click();
    await page.getByText(/Förfrågan till Göteborg är införd i Kompotten-liggaren/).waitFor();

    const steps: [string, string, number][] = [
      ['Registrera förfrågan', 'Förfrågan skickad', 15],
      ['Registrera erbjudande', 'Erbjuden', 10],
      ['Acceptera flytten', 'Accepterad', 5],
      ['Markera som genomförd', 'Genomförd', 1],
    ];
    for (const [action, status, ago] of steps) {
      await page.getByRole('button', { name: action, exact: true }).click();
      await page.getByLabel('Datum', { exact: true }).last().fill(daysAgo(ago));
      await page.getByRole('button', { name: `Spara status ${status}` }).click();
      await page.getByText(new RegExp(`Flytten till Göteborg har nu status ${status}`)).waitFor();
    }
  });

  it('places the survivor in a shelter and advances the housing chain to a social contract', async () => {
    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    await page.getByRole('combobox', { name: 'Typ av steg', exact: true }).selectOption({ label: 'Skyddat boende' });
    const shelterSelect = page.getByLabel('Boende i registret');
    const linden = await shelterSelect.locator('option', { hasText: 'Skyddat boende Linden' }).getAttribute('value');
    await shelterSelect.selectOption(linden ?? '');
    await page.getByLabel('Startdatum').fill(daysAgo(30));
    await page.getByLabel('Slutdatum').fill(daysAgo(2));
    await page.getByRole('combobox', { name: 'Utfall', exact: true }).selectOption({ label: 'Gick vidare till nästa steg' });
    await page.getByRole('button', { name: 'Lägg till steget' }).click();
    await page.getByText(/Steget Skyddat boende är tillagt/).waitFor();

    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    await page.getByRole('combobox', { name: 'Typ av steg', exact: true }).selectOption({ label: 'Socialt kontrakt' });
    await page.getByLabel('Startdatum').fill(daysAgo(2));
    await page.getByLabel('Anordnare eller hyresvärd').fill('Bostadsbolaget Exempel');
    await page.getByRole('button', { name: 'Lägg till steget' }).click();
    await page.getByText(/Steget Socialt kontrakt är tillagt/).waitFor();
  });

  it('adds support items to the Bryt upp plan', async () => {
    for (const [kind, agency] of [
      ['Förskola och skola', 'Förskolan Exempel'],
      ['Juridisk hjälp', 'Brottsofferjouren Exempel'],
    ] as const) {
      await page.getByRole('button', { name: 'Lägg till insats' }).click();
      await page.getByRole('combobox', { name: 'Insats', exact: true }).selectOption({ label: kind });
      await page.getByLabel('Ansvarig aktör').fill(agency);
      await page.getByRole('button', { name: 'Lägg till insatsen' }).click();
      await page.getByText(new RegExp(`Insatsen ${kind} är tillagd`)).waitFor();
    }
  });

  it('signs a journal note and corrects it with a new note', async () => {
    await page.getByRole('button', { name: 'Ny anteckning' }).click();
    await page.getByLabel('Anteckning', { exact: true }).fill('Samtal om flytten till Göteborg. Hon vill börja skolan där i augusti.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();
    await page.getByRole('button', { name: 'Signera', exact: true }).click();
    await page.getByRole('button', { name: 'Ja, signera' }).click();
    await page.getByText('Anteckningen är signerad.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Ändra utkastet' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Skriv en rättelse' }).click();
    await page.getByLabel('Anteckning', { exact: true }).fill('Rättelse: skolstarten är i juni, inte augusti.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();
    await page.getByRole('button', { name: 'Signera', exact: true }).click();
    await page.getByRole('button', { name: 'Ja, signera' }).click();
    await page.getByText('Anteckningen är signerad.').waitFor();
    await page
      .getByText(/Rättad av anteckningen/)
      .first()
      .waitFor();
    await page
      .getByText(/Rättar anteckningen/)
      .first()
      .waitFor();
  });

  it('finds the case again by searching, and the audit chain holds', async () => {
    await page.getByRole('button', { name: '← Tillbaka till ärendelistan' }).click();
    await page.getByLabel('Sök ärende').fill('exempels');
    await page.getByText('Sara Exempelsson').first().waitFor();
    expect(watch.errors).toEqual([]);
    // Checking the log is for team leads, administrators and auditors.
    await api('session:unlock', { username: 'admin', passphrase: ADMIN_PASSPHRASE });
    const verify = (await api('audit:verify', {})) as { ok: boolean; rows: number };
    expect(verify.ok).toBe(true);
    expect(verify.rows).toBeGreaterThan(20);
  });
});
