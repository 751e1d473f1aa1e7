import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBridge } from './fake-bridge';
import { CASEWORKER, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

describe('reference data and about', () => {
  it('lists counties and districts, and searches municipalities by name (accents optional) or code', async () => {
    installBridge()
      .ok('session:status', unlockedStatus(CASEWORKER))
      .ok('reference:counties', [
        { code: '01', name: 'Stockholms län', letterCode: 'AB' },
        { code: '12', name: 'Skåne län', letterCode: 'M' },
      ])
      .ok('reference:municipalities', [
        { code: '0180', name: 'Stockholm', countyCode: '01', lat: 59.32938, lon: 18.06871 },
        { code: '1280', name: 'Malmö', countyCode: '12', lat: 55.60587, lon: 13.00073 },
        { code: '1281', name: 'Lund', countyCode: '12', lat: 55.70584, lon: 13.19321 },
      ])
      .ok('reference:districts', [{ slug: 'skarholmen', name: 'Skärholmen', lat: 59.2768, lon: 17.9079 }]);
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    await user.click(button('Referensdata'));

    expect(await screen.findByRole('rowheader', { name: 'Skärholmen' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'Skåne län' })).toBeTruthy();
    expect(screen.getByText('Visar 3 av 3 kommuner.')).toBeTruthy();

    await user.type(input('Sök kommun på namn eller kod'), 'malmo');
    expect(screen.getByText('Visar 1 av 3 kommuner.')).toBeTruthy();
    const malmo = screen.getByRole('rowheader', { name: 'Malmö' }).closest('tr');
    if (!malmo) throw new Error('no row');
    expect(within(malmo).getByText('Skåne län')).toBeTruthy();

    await user.clear(input('Sök kommun på namn eller kod'));
    await user.type(input('Sök kommun på namn eller kod'), '0180');
    expect(screen.getByRole('rowheader', { name: 'Stockholm' })).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'Lund' })).toBeNull();

    await user.type(input('Sök kommun på namn eller kod'), 'x');
    expect(screen.getByText('Ingen kommun matchar sökningen.')).toBeTruthy();
  });

  it('credits the data sources in plain text, without links that could load anything', async () => {
    installBridge().ok('session:status', unlockedStatus(CASEWORKER));
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    await user.click(button('Om Fristad'));
    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');
    expect(screen.getByRole('heading', { name: 'About Fristad' })).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).toContain('Contains data from GeoNames (https://www.geonames.org), CC BY 4.0.');
    expect(text).toContain('SCB');
    expect(text).toContain('CC0');
    expect(text).toContain('sphrak/svenska-stader');
    expect(text).toContain('Apache-2.0');
    expect(document.querySelectorAll('a, img, iframe, link')).toHaveLength(0);
  });
});
