/**
 * Reveals of protected cases, held only in the worker's memory. Grants hang off the session
 * object they were given in: locking (by the user, when idle, at shutdown or a restore) and
 * unlocking as someone else each replace that object, so every grant of the old session is gone
 * whichever path ended it, with nothing to forget to clear.
 */
export class RevealGrants {
  private readonly bySession = new WeakMap<object, Map<number, number>>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Grants the session the real values of a case until `minutes` from now; returns that time. */
  grant(session: object, caseId: number, minutes: number): Date {
    let grants = this.bySession.get(session);
    if (!grants) {
      grants = new Map();
      this.bySession.set(session, grants);
    }
    const until = this.now() + minutes * 60_000;
    grants.set(caseId, until);
    return new Date(until);
  }

  /** Until when the session sees the case's real values, or null when it does not (now). */
  activeUntil(session: object, caseId: number): Date | null {
    const grants = this.bySession.get(session);
    const until = grants?.get(caseId);
    if (until === undefined) return null;
    if (until <= this.now()) {
      grants?.delete(caseId);
      return null;
    }
    return new Date(until);
  }

  /** The cases the session sees unmasked right now. */
  activeCases(session: object): number[] {
    const grants = this.bySession.get(session);
    if (!grants) return [];
    return [...grants.keys()].filter((id) => this.activeUntil(session, id) !== null);
  }
}
