import type { ApiError, ApiResult, Channel, ChannelInput, ChannelOutput, FristadBridge } from '../../core/contract';

type Handler = (input: unknown) => ApiResult<unknown> | Promise<ApiResult<unknown>>;

/** The parts of cases:open and the channels that answer each on its own. */
const CASE_VIEW_PARTS: readonly [key: string, channel: Channel, input: (id: number) => unknown][] = [
  ['detail', 'cases:get', (id) => ({ id })],
  ['assessments', 'risk:list', (caseId) => ({ caseId })],
  ['moves', 'moves:list', (caseId) => ({ caseId })],
  ['kompottenRequests', 'kompotten:requests', (caseId) => ({ caseId })],
  ['housing', 'housing:list', (caseId) => ({ caseId })],
  ['support', 'support:list', (caseId) => ({ caseId })],
  ['journal', 'journal:list', (caseId) => ({ caseId })],
  ['reminders', 'reminders:list', (caseId) => ({ caseId })],
  ['shares', 'cases:shares', (caseId) => ({ caseId })],
];

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
    if (channel === 'cases:open' && !this.handlers.has(channel)) return this.openCase((input as { id: number }).id);
    const handler = this.handlers.get(channel);
    if (!handler) return { ok: false, error: { code: 'internal', message: `the fake bridge has no answer for ${channel}` } };
    return handler(input);
  }

  /**
   * cases:open answers what the channels of its parts answer (tests/api/case-view.test.ts holds the
   * worker to that), so unless a test answers it itself, it is made of the test's answers to those.
   * Only the cases:open call is recorded: that is the one request the renderer made.
   */
  private async openCase(id: number): Promise<ApiResult<unknown>> {
    const view: Record<string, unknown> = {};
    for (const [key, channel, input] of CASE_VIEW_PARTS) {
      const handler = this.handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'internal', message: `the fake bridge has no answer for ${channel} (part of cases:open)` } };
      const answer = await handler(input(id));
      if (!answer.ok) return answer;
      view[key] = answer.result;
    }
    return { ok: true, result: view };
  }
}

export function installBridge(): FakeBridge {
  const bridge = new FakeBridge();
  window.fristad = bridge;
  return bridge;
}
