import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupEntry, BackupProgress, BackupStatus, Leftover } from '../../core/contract';
import { installBridge } from './fake-bridge';
import { ADMIN, CASEWORKER, lockedStatus, settings, unlockedStatus } from './fixtures';
import { button, input, renderApp } from './render-app';

const OLD: BackupEntry = {
  fileName: 'fristad-20260301-070000.fbak',
  createdAt: '2026-03-01T07:00:00.000Z',
  sizeBytes: 3 * 1024 * 1024,
  auditHead: { sequence: 41, hash: 'a'.repeat(64) },
};
const NEW: BackupEntry = {
  fileName: 'fristad-20260302-070000.fbak',
  createdAt: '2026-03-02T07:00:00.000Z',
  sizeBytes: 3 * 1024 * 1024 + 512 * 1024,
  auditHead: { sequence: 57, hash: 'b'.repeat(64) },
};

function backupStatus(overrides: Partial<BackupStatus> = {}): BackupStatus {
  return {
    folder: '/data/fristad/backups',
    keep: 7,
    lastBackupAt: NEW.createdAt,
    backups: [NEW, OLD],
    lastAutomatic: { at: NEW.createdAt, ok: true, fileName: NEW.fileName, message: null },
    ...overrides,
  };
}

async function openSettings(user = ADMIN, status = backupStatus(), extra: { progress?: BackupProgress; leftovers?: Leftover[] } = {}) {
  const bridge = installBridge()
    .ok('session:status', unlockedStatus(user))
    .ok('settings:get', settings())
    .ok('backup:status', status)
    .ok('backup:progress', extra.progress ?? { running: null, lastAutomatic: status.lastAutomatic })
    .ok('backup:leftovers', extra.leftovers ?? []);
  const app = renderApp();
  await screen.findByRole('heading', { name: `Välkommen, ${user.displayName}` });
  await app.user.click(button('Inställningar'));
  return { bridge, ...app };
}

function rowOf(sequence: number): HTMLElement {
  const cell = screen.getByRole('cell', { name: String(sequence) });
  const row = cell.closest('tr');
  if (!row) throw new Error('no row');
  return row;
}

describe('backup panel', () => {
  it('is not shown to a caseworker', async () => {
    const { bridge } = await openSettings(CASEWORKER);
    expect(screen.queryByRole('heading', { name: 'Säkerhetskopior' })).toBeNull();
    expect(bridge.callsTo('backup:status')).toHaveLength(0);
  });

  it('lists backups newest first with size and audit head, and the last automatic result', async () => {
    await openSettings();
    expect(await screen.findByRole('heading', { name: 'Säkerhetskopior' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Säkerhetskopior, nyast först (2)' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[2]?.textContent)).toEqual(['57', '41']);
    expect(within(rowOf(57)).getByText('3,5 MB')).toBeTruthy();
    expect(screen.getByText(/^Senaste automatiska säkerhetskopia:/)).toBeTruthy();
    expect(screen.getByText(/kopia av nyckelfilen/)).toBeTruthy();
  });

  it('shows a failed automatic backup as an alert', async () => {
    await openSettings(
      ADMIN,
      backupStatus({
        lastAutomatic: {
          at: NEW.createdAt,
          ok: false,
          fileName: null,
          message: 'The backup could not be written to the backup folder (EACCES).',
          reason: 'backup_write_failed',
        },
      }),
    );
    const alert = await screen.findByText(/Den automatiska säkerhetskopian .* misslyckades/);
    expect(alert.closest('[role="alert"]')?.textContent).toContain('Säkerhetskopian kunde inte skrivas.');
    expect(alert.closest('[role="alert"]')?.textContent).not.toContain('could not be written');
  });

  it('saves folder and number to keep, validating the number first', async () => {
    const { bridge, user } = await openSettings();
    bridge.on('backup:settings', (i) => ({ ok: true, result: backupStatus({ folder: i.folder, keep: i.keep }) }));
    const keep = await screen.findByLabelText('Antal kopior att spara');
    await user.clear(keep);
    await user.type(keep, '0');
    await user.click(button('Spara mapp och antal'));
    expect(screen.getAllByText('Ange ett antal mellan 1 och 365.').length).toBeGreaterThan(0);
    expect(bridge.callsTo('backup:settings')).toHaveLength(0);

    await user.clear(keep);
    await user.type(keep, '14');
    await user.clear(input('Mapp för säkerhetskopior'));
    await user.type(input('Mapp för säkerhetskopior'), '/mnt/krypterad/fristad');
    await user.click(button('Spara mapp och antal'));
    expect(await screen.findByText('Inställningarna för säkerhetskopior är sparade.')).toBeTruthy();
    expect(bridge.callsTo('backup:settings')).toEqual([{ folder: '/mnt/krypterad/fristad', keep: 14 }]);
  });

  it('backs up now and reloads the list', async () => {
    const { bridge, user } = await openSettings();
    const fresh: BackupEntry = {
      ...NEW,
      fileName: 'fristad-20260302-120000.fbak',
      createdAt: '2026-03-02T12:00:00.000Z',
      auditHead: { sequence: 63, hash: 'c'.repeat(64) },
    };
    bridge.ok('backup:create', fresh);
    await screen.findByRole('heading', { name: 'Säkerhetskopior' });
    bridge.ok('backup:status', backupStatus({ backups: [fresh, NEW, OLD] }));
    await user.click(button('Säkerhetskopiera nu'));
    expect(await screen.findByText(/^Säkerhetskopian från .* är skriven och kontrollerad\.$/)).toBeTruthy();
    expect(await screen.findByRole('cell', { name: '63' })).toBeTruthy();
    expect(bridge.callsTo('backup:create')).toEqual([{}]);
  });

  it('verifies one backup and shows a refusal with its reason', async () => {
    const { bridge, user } = await openSettings();
    await screen.findByRole('heading', { name: 'Säkerhetskopior' });
    bridge.ok('backup:verify', { ok: true, rows: 1234, auditHead: OLD.auditHead });
    await user.click(within(rowOf(41)).getByRole('button', { name: /^Kontrollera säkerhetskopian från/ }));
    expect(await screen.findByText(/är hel: 1\s234 rader, loggen slutar på sekvensnummer 41\./)).toBeTruthy();
    expect(bridge.callsTo('backup:verify')).toEqual([{ fileName: OLD.fileName }]);

    bridge.fail('backup:verify', {
      code: 'not_allowed',
      message: 'The backup failed the database integrity check. It cannot be used.',
      reason: 'backup_integrity_failed',
    });
    await user.click(within(rowOf(57)).getByRole('button', { name: /^Kontrollera säkerhetskopian från/ }));
    expect(await screen.findByText('Säkerhetskopian klarade inte databasens integritetskontroll. Den kan inte användas.')).toBeTruthy();
    expect(screen.queryByText(/integrity check/)).toBeNull();
  });

  it('restores only after the loss is acknowledged, then shows the unlock screen', async () => {
    const { bridge, user } = await openSettings();
    await screen.findByRole('heading', { name: 'Säkerhetskopior' });
    bridge.ok('backup:restore', lockedStatus());
    await user.click(within(rowOf(41)).getByRole('button', { name: /^Återställ säkerhetskopian från/ }));
    const confirm = button('Ja, återställ och lås');
    expect(confirm.disabled).toBe(true);
    expect(screen.getByText(/försvinner\. Den nuvarande databasen sparas undan/)).toBeTruthy();
    expect(screen.getByText(/Fristad låses efteråt/)).toBeTruthy();

    // Cancelling asks nothing of the API.
    await user.click(button('Avbryt'));
    expect(screen.queryByRole('button', { name: 'Ja, återställ och lås' })).toBeNull();
    expect(bridge.callsTo('backup:restore')).toHaveLength(0);

    await user.click(within(rowOf(41)).getByRole('button', { name: /^Återställ säkerhetskopian från/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Jag förstår att allt efter/ }));
    await user.click(button('Ja, återställ och lås'));
    expect(await screen.findByRole('heading', { name: 'Lås upp Fristad' })).toBeTruthy();
    expect(bridge.callsTo('backup:restore')).toEqual([{ fileName: OLD.fileName }]);
    expect(screen.queryByText('Säkerhetskopior')).toBeNull();
  });

  it('shows the automatic backup running on its own thread, with its percentage', async () => {
    await openSettings(ADMIN, backupStatus(), { progress: { running: { startedAt: NEW.createdAt, phase: 'copying', percent: 40 }, lastAutomatic: null } });
    expect(await screen.findByText('Säkerhetskopiering pågår … 40 %')).toBeTruthy();
  });

  it('lists left-over files with size and date and removes them by name; a before-restore copy only once confirmed', async () => {
    const temp: Leftover = {
      name: '.fristad-20260301-070000.fbak.tmp-4242',
      kind: 'backup_temp',
      place: 'backup_folder',
      files: 1,
      sizeBytes: 1024 * 1024,
      modifiedAt: OLD.createdAt,
    };
    const restored: Leftover = {
      name: 'fristad.db.before-restore-2026-03-02T10-00-00-000Z',
      kind: 'before_restore',
      place: 'data_folder',
      files: 2,
      sizeBytes: 7 * 1024 * 1024,
      modifiedAt: NEW.createdAt,
    };
    const { bridge, user } = await openSettings(ADMIN, backupStatus(), { leftovers: [restored, temp] });
    const table = await screen.findByRole('table', { name: 'Kvarlämnade filer (2)' });
    expect(within(table).getByText('Databasen och nyckelfilen som de var före en återställning')).toBeTruthy();
    expect(within(table).getByText('7,0 MB')).toBeTruthy();

    bridge.ok('backup:remove-leftover', [restored]);
    await user.click(button(`Ta bort ${temp.name}`));
    expect(await screen.findByText(`${temp.name} är borttagen.`)).toBeTruthy();
    expect(bridge.callsTo('backup:remove-leftover')).toEqual([{ name: temp.name }]);

    bridge.ok('backup:remove-leftover', []);
    await user.click(button(`Ta bort ${restored.name}`));
    const confirm = button('Ja, ta bort kopian');
    expect(confirm.disabled).toBe(true);
    expect(bridge.callsTo('backup:remove-leftover')).toHaveLength(1);
    await user.click(screen.getByRole('checkbox', { name: 'De återställda uppgifterna är kontrollerade och stämmer' }));
    await user.click(button('Ja, ta bort kopian'));
    expect(await screen.findByText('Det finns inga kvarlämnade filer.')).toBeTruthy();
    expect(bridge.callsTo('backup:remove-leftover')).toEqual([{ name: temp.name }, { name: restored.name, restoredDataConfirmed: true }]);
  });
});
