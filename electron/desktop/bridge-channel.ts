// Its own file so the preload bundle pulls in this constant and nothing of the main side.

/** The single IPC channel between the preload and the main process. */
export const INVOKE_CHANNEL = 'fristad:invoke';

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'fristad';
