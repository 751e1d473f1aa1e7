import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, ROLES, ruleAllows } from '../../core/contract';
import { canSee, VIEW_IDS } from '../../renderer/src/shell/views';
import { channelOperations, operations } from '../../worker/operations';

// Each channel is declared once, in the contract: its access travels with its schema, and the
// worker's operations, the handler table and the renderer's views are read from it.
describe('channel declarations', () => {
  it('gives every channel an access rule, and a case scope only beside a role list', () => {
    for (const name of CHANNEL_NAMES) {
      const def = channels[name];
      expect(def.access, name).toBeDefined();
      if (def.caseScope !== undefined) expect(Array.isArray(def.access), name).toBe(true);
    }
  });

  it('keys the worker operations by channel name, with only host.* ops besides', () => {
    expect(Object.keys(channelOperations).sort()).toEqual([...CHANNEL_NAMES].sort());
    const internal = Object.keys(operations).filter((op) => !(op in channels));
    expect(internal.sort()).toEqual(['host.backup-settled', 'host.shutdown']);
  });

  it('shows a role a view only when the role may call the channels the view is for', () => {
    const mainChannel = {
      instruments: 'risk:import-instrument',
      reports: 'reports:generate',
      retention: 'retention:preview',
      audit: 'audit:verify',
      users: 'users:list',
      cases: 'cases:list',
    } as const;
    for (const role of ROLES) {
      for (const [view, channel] of Object.entries(mainChannel))
        expect(canSee(role, view as keyof typeof mainChannel), `${role} ${view}`).toBe(ruleAllows(channels[channel].access, role));
      expect(VIEW_IDS.filter((v) => canSee(role, v)).includes('start')).toBe(true);
    }
  });
});
