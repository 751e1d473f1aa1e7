import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBridge } from './fake-bridge';
import { ADMIN, newStatus, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

const GOOD_PASSPHRASE = 'tre gröna äpplen i korgen';

async function fillSetup(user: ReturnType<typeof renderApp>['user'], passphrase: string, confirm: string): Promise<void> {
  await user.type(input('Teamets namn'), 'Relationsvåldsteamet');
  await user.type(input('Användarnamn'), 'astrid.admin');
  await user.type(input('Namn som visas'), 'Astrid Testsson');
  await user.type(input('Lösenfras'), passphrase);
  await user.type(input('Upprepa lösenfrasen'), confirm);
}

describe('setup screen', () => {
  it('focuses the first field and refuses a short passphrase and a mismatch without calling the API', async () => {
    const bridge = installBridge().ok('session:status', newStatus());
    const { user } = renderApp();
    expect(await screen.findByRole('heading', { name: 'Välkommen till Fristad' })).toBeTruthy();
    expect(document.activeElement).toBe(input('Teamets namn'));

    await fillSetup(user, 'kort', 'annan');
    await user.click(button('Skapa teamet'));

    expect(screen.getByText('Lösenfrasen måste ha minst 12 tecken.')).toBeTruthy();
    expect(screen.getByText('Lösenfraserna är inte likadana.')).toBeTruthy();
    expect(input('Lösenfras').getAttribute('aria-invalid')).toBe('true');
    expect(input('Upprepa lösenfrasen').getAttribute('aria-invalid')).toBe('true');
    expect(input('Teamets namn').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getAllByRole('alert').length).toBeGreaterThanOrEqual(2);
    // The first bad field gets focus, and nothing typed is lost.
    expect(document.activeElement).toBe(input('Lösenfras'));
    expect(input('Teamets namn').value).toBe('Relationsvåldsteamet');
    expect(input('Användarnamn').value).toBe('astrid.admin');
    expect(bridge.callsTo('session:setup')).toHaveLength(0);
  });

  it('shows a live strength hint for the passphrase', async () => {
    installBridge().ok('session:status', newStatus());
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Lösenfras'), 'password1234');
    expect(screen.getByText('Styrka: svag')).toBeTruthy();
    expect(screen.getByText('Undvik vanliga ord som lösenord eller sommar.')).toBeTruthy();
  });

  it('translates a username format error from the shared schema', async () => {
    const bridge = installBridge().ok('session:status', newStatus());
    const { user } = renderApp();
    await screen.findByLabelText('Teamets namn');
    await user.type(input('Teamets namn'), 'Teamet');
    await user.type(input('Användarnamn'), 'Åsa Öberg');
    await user.type(input('Namn som visas'), 'Åsa');
    await user.type(input('Lösenfras'), GOOD_PASSPHRASE);
    await user.type(input('Upprepa lösenfrasen'), `${GOOD_PASSPHRASE}{Enter}`);
    expect(screen.getByText(/Använd bara små bokstäver a–z/)).toBeTruthy();
    expect(bridge.callsTo('session:setup')).toHaveLength(0);
  });

  it('on success shows the recovery key once, and Continue stays disabled until the checkbox is ticked', async () => {
    const bridge = installBridge()
      .ok('session:status', newStatus())
      .ok('session:setup', { recoveryKey: 'KQ4M-7XTR-P2WN-9HVD-LC3E-8YBF', status: unlockedStatus(ADMIN, { teamName: 'Relationsvåldsteamet' }) });
    const { user } = renderApp();
    await screen.findByLabelText('Teamets namn');
    await fillSetup(user, GOOD_PASSPHRASE, `${GOOD_PASSPHRASE}{Enter}`);

    expect(await screen.findByRole('heading', { name: 'Teamets återställningsnyckel' })).toBeTruthy();
    expect(bridge.callsTo('session:setup')).toEqual([
      { teamName: 'Relationsvåldsteamet', username: 'astrid.admin', displayName: 'Astrid Testsson', passphrase: GOOD_PASSPHRASE },
    ]);
    expect(screen.getByText('KQ4M-7XTR-P2WN-9HVD-LC3E-8YBF')).toBeTruthy();
    expect(screen.getByText('Nyckeln visas bara den här enda gången.')).toBeTruthy();

    const continueButton = button('Fortsätt');
    expect(continueButton.disabled).toBe(true);
    await user.click(continueButton);
    expect(screen.queryByRole('heading', { name: /Välkommen, / })).toBeNull();

    let printed = 0;
    window.print = () => {
      printed++;
    };
    await user.click(button('Skriv ut'));
    expect(printed).toBe(1);

    await user.click(screen.getByRole('checkbox', { name: 'Jag har förvarat återställningsnyckeln på ett säkert ställe' }));
    expect(continueButton.disabled).toBe(false);
    await user.click(continueButton);

    expect(await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' })).toBeTruthy();
    expect(screen.queryByText('KQ4M-7XTR-P2WN-9HVD-LC3E-8YBF')).toBeNull();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Relationsvåldsteamet')).toBeTruthy();
    expect(within(header).getByText('Astrid Testsson, Administratör')).toBeTruthy();
  });

  it('keeps what was typed when the API refuses the setup', async () => {
    installBridge().ok('session:status', newStatus()).fail('session:setup', { code: 'already_set_up', message: 'already' });
    const { user } = renderApp();
    await screen.findByLabelText('Teamets namn');
    await fillSetup(user, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    await user.click(button('Skapa teamet'));
    expect(await screen.findByText('Fristad är redan installerat. Lås upp i stället.')).toBeTruthy();
    expect(input('Teamets namn').value).toBe('Relationsvåldsteamet');
    expect(input('Lösenfras').value).toBe(GOOD_PASSPHRASE);
  });
});
