// The "electron" module the built main process imports: the TypeScript stand-in, loaded through
// tsx's scoped loader so that only the stand-in's own files are compiled (not the app's bundle).
// Playwright loaded natively first: through tsx's loader it takes a second longer.
import '@playwright/test';

import { tsImport } from 'tsx/esm/api';

const standIn = await tsImport('./electron-stand-in.ts', import.meta.url);

export const {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
} = standIn;
export default standIn;
