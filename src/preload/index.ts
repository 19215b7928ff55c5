/**
 * The preload: puts the typed API on `window.api` and nothing else. One function per contract
 * command (invoke only), the menu subscription, and two facts about the shell.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import { channelOf, COMMAND_NAMES, MENU_COMMAND_CHANNEL } from '../shared/command-names';
import type { CommandApi, TimelineApi } from '../shared/contract';

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

const api: TimelineApi = {
  ...commandApi(),
  onMenuCommand,
  hasNativeMenu: true,
  platform: process.platform,
};

contextBridge.exposeInMainWorld('api', api);
