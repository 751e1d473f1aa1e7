import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../core/contract';
import { installBridge } from './fake-bridge';
import { ADMIN, lockedStatus, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

const NEWEST: BackupEntry = {
  fileName: 'fristad-20261126-070000.fbak',
  createdAt: '2026-11-26T07:00:00.000Z',
  sizeBytes: 3 * 1024 * 1024,
  auditHead: { sequence: 120, hash: 'a'.repeat(64) },
};
const OLDER: BackupEntry = { ...NEWEST, fileName: 'fristad-20261125-070000.fbak', createdAt: '2026-11-25T07:00:00.000Z' };

describe('a damaged database', () => {
  it('the unlock screen says the file is damaged and restores a chosen backup with an administrator passphrase', async () => {
    const bridge = installBridge()
      .ok('session:status', lockedStatus({ damaged: true }))
      .ok('session:damaged-backups', { folder: '/data/fristad/backups', backups: [NEWEST, OLDER] })
      .ok('session:restore-damaged', lockedStatus({ damaged: false }));
    const { user } = renderApp();

    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Databasfilen är skadad');
    await user.click(button('Återställ från säkerhetskopia'));

    expect(await screen.findByRole('heading', { name: 'Återställ från säkerhetskopia' })).toBeTruthy();
    await user.type(input('Användarnamn'), 'Astrid.Admin');
    await user.type(input('Lösenfras'), 'rätt lösenfras här');
    await user.click(button('Visa säkerhetskopior'));

    const radios = await screen.findAllByRole('radio');
    expect(radios).toHaveLength(2);
    // The newest is chosen to start with.
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/Allt som ändrats efter säkerhetskopian går förlorat/)).toBeTruthy();
    await user.click(radios[1] as HTMLElement);
    await user.click(button('Återställ vald säkerhetskopia'));

    expect(await screen.findByText(/Säkerhetskopian är återställd och kontrollerad/)).toBeTruthy();
    expect(bridge.callsTo('session:damaged-backups')).toEqual([{ username: 'astrid.admin', passphrase: 'rätt lösenfras här', folder: null }]);
    expect(bridge.callsTo('session:restore-damaged')).toEqual([
      { username: 'astrid.admin', passphrase: 'rätt lösenfras här', folder: null, fileName: OLDER.fileName },
    ]);
    await user.click(button('Till upplåsningen'));
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(screen.queryByText('Databasfilen är skadad')).toBeNull();
  });

  it('a wrong passphrase when listing backups clears it and shows the usual message', async () => {
    const bridge = installBridge()
      .ok('session:status', lockedStatus({ damaged: true }))
      .fail('session:damaged-backups', { code: 'wrong_credentials', message: 'Wrong username or passphrase.' });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Återställ från säkerhetskopia' }));
    await user.type(await screen.findByLabelText('Användarnamn'), 'astrid.admin');
    await user.type(input('Lösenfras'), 'fel lösenfras{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Fel användarnamn eller lösenfras.');
    expect(input('Lösenfras').value).toBe('');
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(bridge.callsTo('session:restore-damaged')).toHaveLength(0);
  });

  it('an unlock answered with database_damaged shows the notice and the way to restore', async () => {
    installBridge().ok('session:status', lockedStatus()).fail('session:unlock', { code: 'database_damaged', message: 'The database file is damaged.' });
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Användarnamn'), 'astrid.admin');
    await user.type(input('Lösenfras'), 'rätt lösenfras här{Enter}');
    expect(await screen.findByRole('heading', { name: 'Databasfilen är skadad' })).toBeTruthy();
    // One notice, not the notice and the same error again.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(button('Återställ från säkerhetskopia')).toBeTruthy();
  });

  it('damage found while working closes the session: the unlock screen shows the notice and nothing of the session', async () => {
    installBridge().ok('session:status', unlockedStatus(ADMIN)).fail('audit:verify', { code: 'database_damaged', message: 'The database file is damaged.' });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Välkommen, Astrid Testsson' });
    await user.click(button('Logg'));
    await user.click(button('Kontrollera loggkedjan'));
    expect(await screen.findByRole('heading', { name: 'Databasfilen är skadad' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(screen.queryByText('Astrid Testsson')).toBeNull();
  });
});
