/**
 * Runs the built preload (out/preload/index.cjs) in the window's page before the app's scripts,
 * as Electron runs it, with a renderer-side `electron` module of just what a preload may use:
 * `contextBridge.exposeInMainWorld` and `ipcRenderer` (invoke, on, removeListener).
 *
 * Not reproduced: context isolation (the preload runs in the page's world, not a world of its
 * own) and structured clone (Playwright's serialization carries the values). The IPC binding
 * is taken off `window` before any page script runs, so only the preload can reach it.
 */

/** The names under which the page reaches the main process and is reached by it. */
export interface PreloadChannels {
  /** A Playwright binding: (channel, args) => the handler's result, or { error }. */
  readonly invoke: string;
  /** A function webContents.send calls through page.evaluate: (channel, args). */
  readonly deliver: string;
}

/** The init script that runs `preloadSource` in the main frame of every page of a window. */
export function preloadInitScript(
  preloadSource: string,
  channels: PreloadChannels,
  platform: string,
): string {
  return `(() => {
  const invoke = globalThis[${JSON.stringify(channels.invoke)}];
  delete globalThis[${JSON.stringify(channels.invoke)}];
  // Electron runs the preload in the main frame only (nodeIntegrationInSubFrames is off).
  if (window !== window.top || typeof invoke !== 'function') return;
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const reply = await invoke(channel, args);
      if (reply && typeof reply === 'object' && 'error' in reply) {
        throw new Error("Error invoking remote method '" + channel + "': " + reply.error);
      }
      return reply.value;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, ${JSON.stringify(channels.deliver)}, {
    value: (channel, args) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args);
    },
  });
  const deepFreeze = (value) => {
    if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) deepFreeze(value[key]);
      Object.freeze(value);
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key, api) {
      // contextBridge hands the page a frozen copy; the page cannot change what the preload holds.
      Object.defineProperty(window, key, { value: deepFreeze({ ...api }), enumerable: true });
    },
  };
  const electron = { contextBridge, ipcRenderer };
  const require = (id) => {
    if (id === 'electron') return electron;
    throw new Error('A sandboxed preload cannot require ' + id);
  };
  const module = { exports: {} };
  const process = Object.freeze({ platform: ${JSON.stringify(platform)}, sandboxed: true, type: 'renderer' });
  (function (require, module, exports, process) {
${preloadSource}
  })(require, module, module.exports, process);
})();`;
}
