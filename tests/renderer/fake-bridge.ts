import type { ApiError, ApiResult, Channel, ChannelInput, ChannelOutput, FristadBridge } from '../../core/contract';

type Handler = (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

/** Stands in for the preload: records every call and answers per channel as the test says. */
export class FakeBridge implements FristadBridge {
  readonly calls: { channel: string; input: unknown }[] = [];
  private readonly handlers = new Map<string, Handler>();

  /** Answers a channel with a function of its input. */
  on<C extends Channel>(channel: C, handler: (input: ChannelInput<C>) => ApiResult<ChannelOutput<C>> | Promise<ApiResult<ChannelOutput<C>>>): this {
    this.handlers.set(channel, (input) => handler(input as ChannelInput<C>));
    return this;
  }

  ok<C extends Channel>(channel: C, result: ChannelOutput<C>): this {
    return this.on(channel, () => ({ ok: true, result }));
  }

  fail(channel: Channel, error: ApiError): this {
    this.handlers.set(channel, () => ({ ok: false, error }));
    return this;
  }

  callsTo(channel: Channel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }

  async invoke(channel: string, input: unknown): Promise<ApiResult<unknown>> {
    this.calls.push({ channel, input });
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, error: { code: 'internal', message: `the fake bridge has no answer for ${channel}` } };
    return handler(input);
  }
}

export function installBridge(): FakeBridge {
  const bridge = new FakeBridge();
  window.fristad = bridge;
  return bridge;
}
