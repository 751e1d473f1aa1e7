import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readInstrumentFile } from '../../core/rules/instrument-file';
import { useLanguageStore } from '../../renderer/src/i18n/language-store';
import { caseworkBridge } from './casework-fixtures';
import { ADMIN, CASEWORKER, TEAM_LEAD } from './fixtures';
import { button, renderApp } from './render-app';
import { ADULT_TEMPLATE, INSTRUMENTS } from './risk-fixtures';

/** The Instruments view, with an import that reads the file as the API does. */
async function openInstruments(user = ADMIN) {
  const bridge = caseworkBridge(user)
    .ok('risk:instruments', INSTRUMENTS)
    .ok('risk:instrument', ADULT_TEMPLATE)
    .on('risk:import-instrument', (input) => {
      const file = readInstrumentFile(input.json);
      if (!file.ok) return { ok: false, error: { code: 'invalid_input', message: file.message, issues: file.issues } };
      return {
        ok: true,
        result: {
          templateId: file.template.id,
          version: file.template.version,
          title: file.template.title,
          target: file.template.target,
          source: 'imported',
          latest: true,
        },
      };
    });
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${user.displayName}` });
  await app.user.click(button('Riskinstrument'));
  await screen.findByRole('heading', { level: 1, name: 'Riskinstrument' });
  return { bridge, ...app };
}

function jsonFile(text: string, name = 'instrument.json'): File {
  return new File([text], name, { type: 'application/json' });
}

describe('risk instruments view', () => {
  it('is not offered to caseworkers', async () => {
    caseworkBridge(CASEWORKER);
    renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    expect(screen.queryByRole('button', { name: 'Riskinstrument' })).toBeNull();
  });

  it('is there for team leads', async () => {
    await openInstruments(TEAM_LEAD);
    expect(await screen.findByRole('table', { name: 'Installerade instrument och versioner' })).toBeTruthy();
  });

  it('lists every instrument and version, which one new assessments use, and its contents on request', async () => {
    const { user } = await openInstruments();
    const table = await screen.findByRole('table', { name: 'Installerade instrument och versioner' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('Används för nya')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('(äldre)')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Barn')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Importerad')).toBeTruthy();
    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Visa innehållet i Testbedömning vuxen (version 2)' }));
    expect(await within(rows[0] as HTMLElement).findByText('Tidigare våld')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText(/nivå med motivering, visas i ärendets sidhuvud/)).toBeTruthy();
  });

  it('imports a good file and lists it', async () => {
    const { user, bridge } = await openInstruments();
    const text = JSON.stringify({ ...ADULT_TEMPLATE, id: 'kommunens-mall', version: '1.0', title: { sv: 'Kommunens mall' } });
    await user.upload(screen.getByLabelText('Instrumentfil'), jsonFile(text, 'kommunens-mall.json'));
    await user.click(await screen.findByRole('button', { name: 'Importera kommunens-mall.json' }));
    expect(await screen.findByText('Kommunens mall (version 1.0) är importerat.')).toBeTruthy();
    expect(bridge.callsTo('risk:import-instrument')).toEqual([{ json: text }]);
    await waitFor(() => expect(bridge.callsTo('risk:instruments')).toHaveLength(2));
  });

  it('lists what is wrong with a bad file, with paths, in the user’s language', async () => {
    const { user } = await openInstruments();
    const bad = {
      ...ADULT_TEMPLATE,
      id: 'Kommunens Mall',
      extra: true,
      sections: [{ ...ADULT_TEMPLATE.sections[0], items: [{ id: 'hot', kind: 'ja_nej', label: { sv: 'Hot' }, perPerpetrator: 'nej' }] }],
      outputs: [{ id: 'fritt', kind: 'text', label: { sv: 'Text' } }],
    };
    await user.upload(screen.getByLabelText('Instrumentfil'), jsonFile(JSON.stringify(bad, null, 2)));
    await user.click(await screen.findByRole('button', { name: 'Importera instrument.json' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Filen importerades inte.')).toBeTruthy();
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'id: Id:t får ha små bokstäver a–z, siffror och bindestreck, 2–64 tecken.',
      'sections[0].items[0].kind (id hot): Värdet måste vara ett av: "yes_no_unknown", "scale", "text".',
      'sections[0].items[0].perPerpetrator (id hot): Här ska det stå true eller false.',
      'filen: Okända fält: extra.',
    ]);
    expect(within(alert).getByText(/Det här behöver rättas \(4\)/)).toBeTruthy();
    expect(alert.textContent).not.toMatch(/Invalid|expected/);
  });

  it('says what a template rule finds wrong once the shape is right', async () => {
    const { user } = await openInstruments();
    const noLevel = { ...ADULT_TEMPLATE, id: 'kommunens-mall', outputs: [{ id: 'fritt', kind: 'text', label: { sv: 'Text' }, headline: true }] };
    await user.upload(screen.getByLabelText('Instrumentfil'), jsonFile(JSON.stringify(noLevel)));
    await user.click(await screen.findByRole('button', { name: 'Importera instrument.json' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'outputs[0].headline (id fritt): Bara ett fält med risknivå kan visas i ärendets sidhuvud.',
      'outputs: Mallen behöver minst ett resultatfält med risknivå.',
    ]);
  });

  it('says where a file stops being JSON', async () => {
    const { user } = await openInstruments();
    await user.upload(screen.getByLabelText('Instrumentfil'), jsonFile('{\n  "format": "fristad-risk-instrument",\n  "id": \n}'));
    await user.click(await screen.findByRole('button', { name: 'Importera instrument.json' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Filen är inte giltig JSON: fel på rad 4, kolumn 1.');
  });

  it('speaks English when the user switches', async () => {
    useLanguageStore.setState({ language: 'en' });
    caseworkBridge(ADMIN).ok('risk:instruments', INSTRUMENTS);
    const { user } = { user: renderApp().user };
    await screen.findByRole('heading', { name: `Welcome, ${ADMIN.displayName}` });
    await user.click(button('Risk instruments'));
    const table = await screen.findByRole('table', { name: 'Installed instruments and versions' });
    expect(within(table).getAllByText('Test assessment adult').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('Used for new')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: 'Import an instrument' })).toBeTruthy();
  });
});
