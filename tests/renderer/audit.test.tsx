import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installBridge } from './fake-bridge';
import { ADMIN, CASEWORKER, TEAM_LEAD, unlockedStatus } from './fixtures';
import { button, renderApp } from './render-app';

async function openAudit() {
  const bridge = installBridge().ok('session:status', unlockedStatus(TEAM_LEAD));
  const app = renderApp();
  await screen.findByRole('heading', { name: 'Välkommen, Bertil Provsson' });
  await app.user.click(button('Logg'));
  return { bridge, ...app };
}

describe('audit view', () => {
  it('raises a clear alarm naming the first bad sequence number', async () => {
    const { bridge, user } = await openAudit();
    bridge.ok('audit:verify', { ok: false, rows: 1250, firstBadSequence: 1042 });
    await user.click(button('Kontrollera loggkedjan'));
    const alarm = await screen.findByRole('alert');
    expect(within(alarm).getByRole('heading', { name: 'Varning: loggkedjan är bruten' })).toBeTruthy();
    expect(alarm.textContent).toContain('sekvensnummer 1042');
    expect(bridge.callsTo('audit:verify')).toEqual([{}]);
  });

  it('reports an intact chain with row count and head sequence', async () => {
    const { bridge, user } = await openAudit();
    bridge.ok('audit:verify', { ok: true, rows: 87, headSequence: 87, headHash: 'ab12' });
    await user.click(button('Kontrollera loggkedjan'));
    expect((await screen.findByRole('status')).textContent).toBe('Loggkedjan är hel. 87 rader kontrollerade, senaste sekvensnummer 87.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is offered to administrators and auditors but not caseworkers', async () => {
    installBridge().ok('session:status', unlockedStatus(CASEWORKER));
    renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Cecilia Exempelsson' });
    expect(screen.queryByRole('button', { name: 'Logg' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Användare' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Referensdata' })).toBeTruthy();
    expect(ADMIN.role).toBe('administrator');
  });
});
