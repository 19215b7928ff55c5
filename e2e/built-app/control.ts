/**
 * What the test and the stand-in say to each other over the child process's IPC channel (the
 * built main process is forked with one). The app's own code never sees these messages.
 */

/** A summary of one application menu item, as the test sees it. */
export interface MenuItemInfo {
  readonly path: readonly string[];
  readonly id: string | null;
  readonly label: string | null;
  readonly role: string | null;
  readonly accelerator: string | null;
  readonly enabled: boolean;
  readonly hasClick: boolean;
}

/** What a window is and how the main process set it up. */
export interface WindowInfo {
  readonly id: number;
  readonly url: string;
  readonly title: string;
  readonly visible: boolean;
  readonly focusCount: number;
  readonly fullScreen: boolean;
  readonly minimized: boolean;
  readonly devToolsOpened: boolean;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What the main process asked of Electron that a user would see outside the window. */
export interface StandInRecord {
  readonly errorBoxes: { title: string; content: string }[];
  readonly messageBoxes: { message: string; detail: string; buttons: string[]; answer: number }[];
  readonly saveDialogs: { defaultPath: string; answer: string | null }[];
  readonly openedExternally: string[];
  readonly aboutPanelShown: number;
  readonly privilegedSchemes: string[];
  readonly handledSchemes: string[];
  readonly permissionHandlersSet: boolean;
}

/** Answers the stand-in gives to native dialogs, in order, instead of a user. */
export type DialogAnswer =
  | { readonly kind: 'save'; readonly filePath: string | null }
  | { readonly kind: 'message'; readonly response: number };

export type ControlRequest =
  | { readonly op: 'menu' }
  | { readonly op: 'clickMenu'; readonly path: readonly string[] }
  | { readonly op: 'windows' }
  | { readonly op: 'closeWindow'; readonly id: number }
  | { readonly op: 'record' }
  | { readonly op: 'answerDialogs'; readonly answers: readonly DialogAnswer[] }
  | { readonly op: 'openFile'; readonly path: string }
  | { readonly op: 'activate' }
  | { readonly op: 'quit' }
  | { readonly op: 'permission'; readonly permission: string }
  | {
      readonly op: 'invoke';
      readonly channel: string;
      readonly args: readonly unknown[];
      /** Asks as a frame at this URL would (a page that is not the app); the window's by default. */
      readonly frameUrl?: string;
      /** Asks as a sub-frame of the window would. */
      readonly subFrame?: boolean;
    };

export interface ControlCall {
  readonly type: 'call';
  readonly id: number;
  readonly request: ControlRequest;
}

export type StandInMessage =
  | { readonly type: 'ready'; readonly cdpUrl: string }
  | {
      readonly type: 'reply';
      readonly id: number;
      readonly value?: unknown;
      readonly error?: string;
    };

/** The origin a custom scheme's host is served from in Chromium (which has no custom schemes). */
export function standInOrigin(scheme: string, host: string): string {
  return `https://${host}.${scheme}.stand-in.invalid`;
}

/** The app's URL for a page URL of a stand-in origin, as Electron would report it; else the URL. */
export function electronUrlOf(pageUrl: string): string {
  const match = /^https:\/\/([^/]+)\.([a-z][a-z0-9+.-]*)\.stand-in\.invalid(\/.*)?$/.exec(pageUrl);
  return match ? `${match[2]}://${match[1]}${match[3] ?? '/'}` : pageUrl;
}

/** The page URL that serves an app URL of a handled scheme; other URLs are loaded as they are. */
export function pageUrlOf(appUrl: string, handledSchemes: readonly string[]): string {
  const url = new URL(appUrl);
  const scheme = url.protocol.slice(0, -1);
  if (!handledSchemes.includes(scheme)) return appUrl;
  return `${standInOrigin(scheme, url.host)}${url.pathname}${url.search}${url.hash}`;
}
