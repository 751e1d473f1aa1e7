import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describeError } from '../../renderer/src/api/error-text';
import { RollbackBanner } from '../../renderer/src/components/rollback-banner';
import { makeTranslator } from '../../renderer/src/i18n/translate';
import { initialSessionState, useSessionStore } from '../../renderer/src/session/session-store';

afterEach(() => useSessionStore.setState(initialSessionState()));

describe('a full disk', () => {
  it('says the disk is full and how much space to free, in both languages', () => {
    const error = { code: 'disk_full' as const, message: 'x', neededBytes: 70 * 1024 * 1024 };
    expect(describeError(makeTranslator('sv'), error)).toMatch(/Disken är full.*minst 70 MB/);
    expect(describeError(makeTranslator('en'), error)).toMatch(/disk is full.*at least 70 MB/);
    expect(describeError(makeTranslator('sv'), { code: 'disk_full', message: 'x' })).toMatch(/Frigör utrymme/);
  });
});

describe('the rollback warning', () => {
  it('shows the witnessed and found sequence numbers after unlock, with the acknowledge button for administrators', () => {
    useSessionStore.setState({
      status: {
        state: 'unlocked',
        demo: false,
        user: { id: 1, username: 'admin', displayName: 'Admin', role: 'administrator' },
        teamName: 'Team',
        idleLockMinutes: 10,
        retryAfterSeconds: 0,
        demoLogin: null,
        rollbackWarning: {
          kind: 'older',
          witnessedSequence: 42,
          witnessedHash: 'h',
          witnessedAt: '2026-03-01T10:00:00.000Z',
          foundSequence: 17,
          detectedAt: '2026-03-02T10:00:00.000Z',
        },
      },
    });
    render(<RollbackBanner />);
    expect(screen.getByRole('alert').textContent).toMatch(/Databasen är äldre än den senast sedda.*nr 42.*nr 17/);
    expect(screen.getByRole('button', { name: 'Kvittera varningen' })).toBeTruthy();
  });
});
