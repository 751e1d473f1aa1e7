import type { z } from 'zod';
import { accessOf, channels, type Access, type Channel, type ChannelOutput } from '../../core/contract';
import type { OperationInput, OperationResult } from '../../worker/operations';
import type { DbHost } from '../../worker/worker-client';

export type ParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;

/** A channel that does more than forward its input to the worker's operation of the same name. */
type Override<C extends Channel> = (host: DbHost, input: ParsedInput<C>, access: Access) => Promise<ChannelOutput<C>>;

/** The few channels with work of their own on the main side; every other channel only forwards. */
const overrides: { [C in Channel]?: Override<C> } = {
  // The renderer's lock is always the user's; idle and shutdown locks come from the worker and the host.
  'session:lock': (h, _i, a) => h.call('session:lock', { reason: 'user' }, a),
};

// Every forwarded channel's parsed input must be what its operation takes, and the operation's
// result what the channel answers: a channel whose operation drifts fails to compile here.
type Forwarded = Exclude<Channel, keyof typeof overrides & string>;
type Mismatch = {
  [C in Forwarded]: ParsedInput<C> extends OperationInput<C> ? (OperationResult<C> extends ChannelOutput<C> ? never : C) : C;
}[Forwarded];
const everyOperationFits: [Mismatch] extends [never] ? true : { mismatch: Mismatch } = true;
void everyOperationFits;

/** Runs a channel's parsed input: its operation in the worker, under the access its contract declares. */
export function runChannel<C extends Channel>(host: DbHost, channel: C, input: ParsedInput<C>): Promise<ChannelOutput<C>> {
  const access = accessOf(channels[channel], input);
  const override = overrides[channel] as Override<C> | undefined;
  if (override) return override(host, input, access);
  return host.call(channel, input as OperationInput<C>, access) as Promise<ChannelOutput<C>>;
}
