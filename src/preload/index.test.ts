/** The preload with a hand-made electron: what reaches the page, and what goes over IPC. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
  channelOf,
  COMMAND_NAMES,
  MENU_COMMAND_CHANNEL,
  OPEN_FILE_CHANNEL,
} from '../shared/command-names';
import type { TimelineApi } from '../shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    invoke: vi.fn(async (channel: string, input: unknown) => ({
      ok: true,
      value: { channel, input },
    })),
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set();
      electron.listeners.set(channel, set.add(listener));
    },
    removeListener: (channel: string, listener: Listener) => {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

let api: TimelineApi;

beforeEach(async () => {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  electron.invoke.mockClear();
  await import('./index');
  api = electron.exposed.get('api') as TimelineApi;
});

describe('the preload', () => {
  it('exposes one object, `api`, with the commands and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(
      [...COMMAND_NAMES, 'hasNativeMenu', 'onMenuCommand', 'onOpenFile', 'platform'].sort(),
    );
    expect(api.hasNativeMenu).toBe(true);
    expect(api.platform).toBe(process.platform);
  });

  it('invokes each command on its own channel with the argument as given', async () => {
    for (const name of COMMAND_NAMES) {
      const input = { probe: name };
      const call = api[name] as (input: unknown) => Promise<unknown>;
      expect(await call(input)).toEqual({ ok: true, value: { channel: channelOf(name), input } });
    }
    expect(electron.invoke).toHaveBeenCalledTimes(COMMAND_NAMES.length);
  });

  it('passes menu commands as their id only, and stops after unsubscribing', () => {
    const handler = vi.fn<(commandId: string) => void>();
    const unsubscribe = api.onMenuCommand(handler);
    electron.emit(MENU_COMMAND_CHANNEL, 'addEvent');
    electron.emit(MENU_COMMAND_CHANNEL, { not: 'a string' });
    expect(handler.mock.calls).toEqual([['addEvent']]);

    unsubscribe();
    electron.emit(MENU_COMMAND_CHANNEL, 'save');
    expect(handler).toHaveBeenCalledTimes(1);
    expect(electron.listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });

  it('hands opened files to the page, keeping those that came before it subscribed', async () => {
    const early = { name: 'early.csv', text: 'id,title,start', encodingNote: null };
    electron.emit(OPEN_FILE_CHANNEL, early);
    electron.emit(OPEN_FILE_CHANNEL, { name: 'odd.json' }); // neither text nor error: dropped
    const handler = vi.fn();
    api.onOpenFile(handler);
    expect(handler).not.toHaveBeenCalled(); // not while the page is still subscribing
    await vi.waitFor(() => expect(handler.mock.calls).toEqual([[early]]));

    const refused = { name: 'big.json', error: 'The file is 60 MB' };
    electron.emit(OPEN_FILE_CHANNEL, refused);
    expect(handler.mock.calls).toEqual([[early], [refused]]);
  });
});
