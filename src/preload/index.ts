/**
 * The preload: puts the typed API on `window.api` and nothing else. One function per contract
 * command (invoke only), the menu and opened-file subscriptions, and two facts about the shell.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import {
  channelOf,
  COMMAND_NAMES,
  MENU_COMMAND_CHANNEL,
  OPEN_FILE_CHANNEL,
} from '../shared/command-names';
import type { CommandApi, OpenedFile, TimelineApi } from '../shared/contract';

function commandApi(): CommandApi {
  const entries = COMMAND_NAMES.map(
    (name) => [name, (input?: unknown) => ipcRenderer.invoke(channelOf(name), input)] as const,
  );
  // Built from the names at run time; the main process checks every argument and result shape.
  return Object.fromEntries(entries) as CommandApi;
}

function onMenuCommand(handler: (commandId: string) => void): () => void {
  // The page gets the command id only, never the IPC event (which carries the sender).
  const listener = (_event: IpcRendererEvent, commandId: unknown): void => {
    if (typeof commandId === 'string') handler(commandId);
  };
  ipcRenderer.on(MENU_COMMAND_CHANNEL, listener);
  return () => {
    ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, listener);
  };
}

/**
 * Files the system asked to open. The main process sends them once the page has loaded, which
 * can be before the app subscribes (its script loads later), so they wait here until it does.
 */
function openFileChannel(): TimelineApi['onOpenFile'] {
  const waiting: OpenedFile[] = [];
  let handler: ((file: OpenedFile) => void) | null = null;
  ipcRenderer.on(OPEN_FILE_CHANNEL, (_event: IpcRendererEvent, file: unknown) => {
    if (!isOpenedFile(file)) return;
    if (handler) handler(file);
    else waiting.push(file);
  });
  return (subscriber) => {
    handler = subscriber;
    // In a later task: the page subscribes while it is still setting itself up.
    setTimeout(() => {
      for (const file of waiting.splice(0)) subscriber(file);
    });
    return () => {
      if (handler === subscriber) handler = null;
    };
  };
}

function isOpenedFile(value: unknown): value is OpenedFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  const note = file.encodingNote;
  return (
    typeof file.name === 'string' &&
    ((typeof file.text === 'string' && (note === null || typeof note === 'string')) ||
      typeof file.error === 'string')
  );
}

const api: TimelineApi = {
  ...commandApi(),
  onMenuCommand,
  onOpenFile: openFileChannel(),
  hasNativeMenu: true,
  platform: process.platform,
};

contextBridge.exposeInMainWorld('api', api);
