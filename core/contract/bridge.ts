import type { ApiResult } from './common';

/** The single function the renderer may call: the preload's, or browser mode's fetch. */
export interface FristadBridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>;
}
