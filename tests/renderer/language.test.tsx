import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installBridge } from './fake-bridge';
import { ADMIN, lockedStatus, newStatus, unlockedStatus } from './fixtures';
import { renderApp } from './render-app';

describe('language', () => {
  it('is Swedish by default and switches to English on the unlock screen, remembering the choice', async () => {
    installBridge().ok('session:status', lockedStatus());
    const { user } = renderApp();
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');

    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');

    expect(screen.getByRole('heading', { name: 'Unlock Fristad' })).toBeTruthy();
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Forgot your passphrase? Use the recovery key' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open fictional demo data' })).toBeTruthy();
    expect(window.localStorage.getItem('fristad.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('can be chosen on the first-run screen', async () => {
    installBridge().ok('session:status', newStatus());
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen till Fristad' });
    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');
    expect(screen.getByRole('heading', { name: 'Welcome to Fristad' })).toBeTruthy();
    expect(screen.getByLabelText('Team name')).toBeTruthy();
  });

  it('changes the whole shell, translated role included, and validation messages', async () => {
    installBridge().ok('session:status', unlockedStatus(ADMIN));
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.selectOptions(screen.getByLabelText('Språk (Language)'), 'en');

    expect(screen.getByRole('heading', { name: 'Welcome, Astrid Testsson' })).toBeTruthy();
    expect(screen.getByText('Astrid Testsson, Administrator')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main menu' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lock' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(screen.getByText('Please fill in this field.')).toBeTruthy();
    expect(screen.getByText('The passphrase needs at least 12 characters.')).toBeTruthy();
  });

  it('starts in the language stored from last time, ignoring anything unknown', async () => {
    window.localStorage.setItem('fristad.language', 'en');
    vi.resetModules();
    const fresh = await import('../../renderer/src/i18n/language-store');
    expect(fresh.useLanguageStore.getState().language).toBe('en');

    window.localStorage.setItem('fristad.language', 'klingon');
    vi.resetModules();
    const again = await import('../../renderer/src/i18n/language-store');
    expect(again.useLanguageStore.getState().language).toBe('sv');
  });
});
