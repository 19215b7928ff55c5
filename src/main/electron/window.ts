/** The one app window: secure webPreferences, remembered bounds, shown when it has drawn. */
import { BrowserWindow, screen } from 'electron';

import { secureWebPreferences } from '../security';
import {
  clampToWorkAreas,
  MIN_HEIGHT,
  MIN_WIDTH,
  type WindowState,
  type WindowStateSaver,
} from '../window-state';

export interface MainWindowOptions {
  readonly appName: string;
  /** The built page's app:// URL, or the dev server's URL. */
  readonly appEntryUrl: string;
  readonly preloadPath: string;
  readonly savedState: WindowState;
  readonly stateSaver: WindowStateSaver;
  /** DevTools can be opened (only while developing). */
  readonly devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = clampToWorkAreas(options.savedState, workAreas());
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: options.appName,
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });

  const remember = (): void => options.stateSaver.schedule(currentState(window));
  window.on('resize', remember);
  window.on('move', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', () => {
    remember();
    void options.stateSaver.flush();
  });

  window.loadURL(options.appEntryUrl).catch((error: unknown) => {
    console.error(`Could not load ${options.appEntryUrl}:`, error);
  });
  return window;
}

/** The bounds to restore: the normal ones even while maximized, so un-maximizing works. */
function currentState(window: BrowserWindow): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

/** The primary display's work area first: a window that is on no screen goes there. */
function workAreas() {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}
