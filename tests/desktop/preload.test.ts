import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const preloadPath = path.resolve(__dirname, '../../electron/desktop/preload.ts');

describe('preload', () => {
  beforeAll(async () => {
    fake.resetFakeElectron();
    await import('../../electron/desktop/preload');
  });

  it('exposes exactly one function, invoke, under window.fristad', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['fristad']);
    const api = fake.contextBridge.exposed.get('fristad') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api.invoke).toBe('function');
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer.invoke);
  });

  it('forwards (channel, input) on the one IPC channel and returns the answer', async () => {
    const api = fake.contextBridge.exposed.get('fristad') as { invoke: (channel: string, input: unknown) => Promise<unknown> };
    fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { state: 'locked' } });
    await expect(api.invoke('session:status', {})).resolves.toEqual({ ok: true, result: { state: 'locked' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('fristad:invoke', 'session:status', {});
  });

  it('bundles to code that requires nothing but electron (all a sandboxed preload may load)', async () => {
    const result = await build({
      entryPoints: [preloadPath],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
  });
});
