import type { z } from 'zod';
import type { Channel, ChannelOutput, channels, Role } from '../../core/contract';
import type { Access } from '../../db/host/operations';
import type { DbHost } from '../../db/host/worker-client';

export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

export interface Handler<C extends Channel> {
  /** Who may call it; the database worker enforces it against the session it holds. */
  access: Access;
  run(host: DbHost, input: ParsedInput<C>, access: Access): Promise<ChannelOutput<C>>;
}

/** Handlers for a group of channels. */
export type HandlerMap<Names extends Channel> = { [C in Names]: Handler<C> };

export const ADMIN: readonly Role[] = ['administrator'];
export const LOG_REVIEWERS: readonly Role[] = ['administrator', 'team_lead', 'auditor'];
/** Who works with case content. Roles and per-case access are tightened by the trust work (issue 6). */
export const CASEWORK: readonly Role[] = ['caseworker', 'team_lead', 'administrator'];
