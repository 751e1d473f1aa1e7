import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { App } from '../../renderer/src/app';

type UserEventOptions = Parameters<typeof userEvent.setup>[0];

/** Renders the whole app with a user-event instance; pass fakeTimers when the test uses vi.useFakeTimers. */
export function renderApp(options: { fakeTimers?: boolean } = {}) {
  const eventOptions: UserEventOptions = options.fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {};
  const user = userEvent.setup(eventOptions);
  const view = render(<App />);
  return { user, ...view };
}

/** The input with this exact label. */
export function input(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement)) throw new Error(`"${label}" labels a ${element.tagName}, not an input`);
  return element;
}

export function button(name: string | RegExp): HTMLButtonElement {
  const element = screen.getByRole('button', { name });
  if (!(element instanceof HTMLButtonElement)) throw new Error('not a button');
  return element;
}
