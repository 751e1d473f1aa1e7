import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlaceRef } from '../../core/contract';
import { PlacePicker } from '../../renderer/src/placement/place-picker';
import type { PlaceChoice } from '../../renderer/src/placement/places';

const PLACES: PlaceChoice[] = [
  { kind: 'municipality', code: '1280', name: 'Malmö' },
  { kind: 'municipality', code: '0180', name: 'Stockholm' },
  { kind: 'municipality', code: '0163', name: 'Sollentuna' },
  { kind: 'municipality', code: '2480', name: 'Umeå' },
  { kind: 'district', code: 'skarholmen', name: 'Skärholmen' },
  { kind: 'district', code: 'sodermalm', name: 'Södermalm' },
];

function Harness({ kinds, onChange }: { kinds?: PlaceRef['kind'][]; onChange?: (p: PlaceRef | null) => void }) {
  const [value, setValue] = useState<PlaceRef | null>(null);
  return (
    <>
      <PlacePicker
        name="to"
        label="Till"
        places={PLACES}
        kinds={kinds}
        value={value}
        onChange={(p) => {
          setValue(p);
          onChange?.(p);
        }}
      />
      <p data-testid="value">{value ? `${value.kind}:${value.code}` : 'none'}</p>
      <button type="button">Nästa</button>
    </>
  );
}

function renderPicker(kinds?: PlaceRef['kind'][]) {
  const user = userEvent.setup();
  render(<Harness kinds={kinds} />);
  const combobox = screen.getByRole('combobox', { name: 'Till' }) as HTMLInputElement;
  return { user, combobox, value: () => screen.getByTestId('value').textContent };
}

describe('place picker', () => {
  it('narrows as you type, ignoring accents, and is chosen with the arrow keys and Enter', async () => {
    const { user, combobox, value } = renderPicker();
    await user.type(combobox, 'so');
    const listbox = screen.getByRole('listbox', { name: 'Till' });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Sollentuna', 'Södermalm (stadsdel i Stockholm)']);
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    expect(combobox.getAttribute('aria-activedescendant')).toBe(within(listbox).getAllByRole('option')[0]?.id);
    expect(screen.getByRole('status').textContent).toBe('2 träffar. Välj med piltangenterna.');

    await user.keyboard('{ArrowDown}{Enter}');
    expect(value()).toBe('district:sodermalm');
    expect(combobox.value).toBe('Södermalm (stadsdel i Stockholm)');
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens with ArrowDown, closes with Escape, and Escape again restores the chosen place', async () => {
    const { user, combobox, value } = renderPicker();
    combobox.focus();
    await user.keyboard('{ArrowDown}');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(6);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(value()).toBe('municipality:0163');

    await user.clear(combobox);
    await user.type(combobox, 'mal');
    await user.keyboard('{Escape}');
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Escape}');
    expect(combobox.value).toBe('Sollentuna');
    expect(value()).toBe('municipality:0163');
  });

  it('takes an exact name on leaving the field, keeps the last choice for a partial one, and clears on empty', async () => {
    const { user, combobox, value } = renderPicker();
    await user.type(combobox, 'umea');
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(value()).toBe('municipality:2480');
    expect(combobox.value).toBe('Umeå');

    await user.clear(combobox);
    await user.type(combobox, 'xyz');
    expect(screen.getByText('Ingen plats matchar sökningen.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(value()).toBe('municipality:2480');
    expect(combobox.value).toBe('Umeå');

    await user.clear(combobox);
    await user.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(value()).toBe('none');
  });

  it('chooses with Tab and with the mouse, and offers only the kinds asked for', async () => {
    const { user, combobox, value } = renderPicker(['municipality']);
    await user.type(combobox, 'sto');
    await user.tab();
    expect(value()).toBe('municipality:0180');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Nästa' }));

    await user.clear(combobox);
    await user.type(combobox, 's');
    expect(within(screen.getByRole('listbox')).queryByText(/stadsdel/)).toBeNull();
    await user.click(screen.getByRole('option', { name: 'Sollentuna' }));
    expect(value()).toBe('municipality:0163');
    expect(document.activeElement).toBe(combobox);
  });
});
