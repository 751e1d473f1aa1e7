import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, checkTransition } from './move-workflow';

describe('move workflow', () => {
  it('walks planned → requested → offered → accepted → completed', () => {
    const path = ['planned', 'requested', 'offered', 'accepted', 'completed'] as const;
    for (let i = 0; i < path.length - 1; i++) expect(checkTransition(path[i] as never, path[i + 1] as never)).toEqual({ ok: true });
  });
  it('can be declined once requested or offered, and cancelled until completed', () => {
    expect(checkTransition('requested', 'declined').ok).toBe(true);
    expect(checkTransition('offered', 'declined').ok).toBe(true);
    expect(checkTransition('planned', 'declined')).toMatchObject({ ok: false, reason: 'skips_steps' });
    expect(checkTransition('accepted', 'cancelled').ok).toBe(true);
  });
  it('refuses skipping, going back and leaving a finished move, saying why', () => {
    expect(checkTransition('planned', 'accepted')).toEqual({ ok: false, reason: 'skips_steps', allowed: ['requested', 'cancelled'] });
    expect(checkTransition('offered', 'requested')).toMatchObject({ ok: false, reason: 'goes_back' });
    expect(checkTransition('completed', 'cancelled')).toMatchObject({ ok: false, reason: 'finished', allowed: [] });
    expect(checkTransition('offered', 'offered')).toMatchObject({ ok: false, reason: 'same_status' });
    expect(allowedNextStatuses('declined')).toEqual([]);
  });
});
