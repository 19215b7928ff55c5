/** Registers one invoke handler per contract command; nothing else is reachable over IPC. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';

import { channelOf, COMMAND_NAMES } from '../../shared/command-names';
import { fail, type Result } from '../../shared/result';
import { isTrustedSender } from '../security';
import type { Dispatch } from '../service/dispatch';

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  appEntryUrl: string,
  log: (message: string) => void = console.warn,
): void {
  for (const name of COMMAND_NAMES) {
    ipcMain.handle(channelOf(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isFromAppWindow(event, appEntryUrl)) {
        log(`Refused ${name}: the request did not come from the Timeline Desk window.`);
        return fail('internal', 'This request did not come from the Timeline Desk window.');
      }
      try {
        return await dispatch(name, input);
      } catch (error) {
        // The dispatcher returns results; this only keeps a stack trace from ever crossing IPC.
        log(`${name} failed: ${String(error)}`);
        return fail('internal', 'Something went wrong; the change was not saved.');
      }
    });
  }
}

function isFromAppWindow(event: IpcMainInvokeEvent, appEntryUrl: string): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && isTrustedSender(frame.url, frame.parent === null, appEntryUrl);
  } catch {
    // A frame that navigated away or was destroyed throws on access: it is not ours any more.
    return false;
  }
}
