// Runs sandboxed before the page: it may require only 'electron', and esbuild inlines the rest.
// It hands the page one function and nothing else: no ipcRenderer, no event, no Node object.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiResult, FristadBridge } from '../../core/contract';
import { BRIDGE_GLOBAL, INVOKE_CHANNEL } from './bridge-channel';

const bridge: FristadBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<ApiResult<unknown>>,
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
