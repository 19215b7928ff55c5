/** The IPC adapter with a hand-made ipcMain: which channels exist and who gets an answer. */
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { channelOf, COMMAND_NAMES } from '../../shared/command-names';
import { ok, type Result } from '../../shared/result';
import type { Dispatch } from '../service/dispatch';
import { registerIpcHandlers } from './ipc';

const appUrl = 'file:///opt/timeline-desk/out/renderer/index.html';
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;

function setUp(dispatch: Dispatch = async (name, input) => ok({ name, input })) {
  const handlers = new Map<string, Listener>();
  const log = vi.fn<(message: string) => void>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
  };
  registerIpcHandlers(ipcMain, dispatch, appUrl, log);
  return { handlers, log };
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function eventFrom(frame: FakeFrame | null | (() => never)): IpcMainInvokeEvent {
  const event =
    typeof frame === 'function'
      ? {
          get senderFrame() {
            return frame();
          },
        }
      : { senderFrame: frame };
  return event as unknown as IpcMainInvokeEvent;
}

const mainFrame: FakeFrame = { url: appUrl, parent: null };

describe('registerIpcHandlers', () => {
  it('registers exactly one channel per contract command', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(channelOf).sort());
  });

  it('passes the argument of the app window to the command and returns its result', async () => {
    const { handlers } = setUp();
    const input = { id: 'evt-1' };
    const result = await handlers.get(channelOf('deleteEvent'))!(eventFrom(mainFrame), input);
    expect(result).toEqual(ok({ name: 'deleteEvent', input }));
  });

  it('refuses an iframe of the app page, another page and a frame that is gone', async () => {
    const dispatch = vi.fn<Dispatch>();
    const { handlers, log } = setUp(dispatch);
    const handler = handlers.get(channelOf('exportJson'))!;
    const senders = [
      eventFrom({ url: appUrl, parent: mainFrame }),
      eventFrom({ url: 'https://example.com/', parent: null }),
      eventFrom({ url: 'file:///tmp/evil/index.html', parent: null }),
      eventFrom(null),
      eventFrom(() => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      }),
    ];
    for (const event of senders) {
      const result = await handler(event, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(result)).not.toMatch(/at |Error/);
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(senders.length);
  });

  it('turns a throwing command into a result without a stack trace', async () => {
    const { handlers } = setUp(async () => {
      throw new Error('disk on fire at /home/ana/secret');
    });
    const result = await handlers.get(channelOf('getTimeline'))!(eventFrom(mainFrame), undefined);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong; the change was not saved.' },
    });
  });
});
