/**
 * A stand-in for the `electron` module, so that the built main process (out/main/index.js) runs
 * in Node where Electron's binary cannot be installed. It stands for: app (lifecycle, paths,
 * single-instance lock, quit and its events, open-file, second-instance), BrowserWindow and
 * webContents (stand-in-window.ts: pages of a Debian Chromium driven by Playwright, the built
 * preload run in them, invoke carried to ipcMain.handle with a real sender frame), ipcMain,
 * Menu, dialog, protocol (privileged schemes served through request routing), session (its
 * permission and header handlers are kept and can be asked), shell, screen and nativeTheme.
 *
 * It does not stand for: Chromium's own Electron patches (context isolation, the sandbox, the
 * fuses, the asar archive), native dialogs and menus as drawn (their answers are scripted by the
 * test), window geometry beyond the page's size, several displays, and anything macOS- or
 * Windows-only beyond the events the test raises. Chromium's profile and the instance lock live
 * in the temp folder, not in userData. The test talks to it over the child process's IPC
 * channel (control.ts); it records what the main process asked for.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { type BrowserContext, chromium, type Route } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../debian-chromium';
import {
  type ControlCall,
  type ControlRequest,
  type DialogAnswer,
  electronUrlOf,
  type MenuItemInfo,
  type StandInMessage,
  type StandInRecord,
} from './control';
import type { StandInWebContents } from './stand-in-window';
import { type InvokeHandler, preventable, StandInWindow } from './stand-in-window';

const record: StandInRecord = {
  errorBoxes: [],
  messageBoxes: [],
  saveDialogs: [],
  openedExternally: [],
  aboutPanelShown: 0,
  privilegedSchemes: [],
  handledSchemes: [],
  permissionHandlersSet: false,
};
const dialogAnswers: DialogAnswer[] = [];
const invokeHandlers = new Map<string, InvokeHandler>();
type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const protocolHandlers = new Map<string, ProtocolHandler>();
let context: BrowserContext | null = null;

function say(message: StandInMessage): void {
  process.send?.(message);
}

// app

class StandInApp extends EventEmitter {
  name = 'Electron';
  readonly isPackaged = process.env.TIMELINE_DESK_STAND_IN_PACKAGED === '1';
  readonly commandLine = {
    appendSwitch: (): void => undefined,
    hasSwitch: (): boolean => false,
    getSwitchValue: (): string => '',
  };
  #paths = new Map<string, string>();
  #ready: Promise<void> | null = null;
  #isReady = false;
  #quitting = false;
  #instance: SingleInstance | null = null;
  #profile: string | null = null;

  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    const manifest = join(dirname(process.argv[1] ?? '.'), '../../package.json');
    return existsSync(manifest)
      ? String((JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version)
      : '0.0.0';
  }
  getAppPath(): string {
    return dirname(process.argv[1] ?? '.');
  }

  getPath(name: string): string {
    const set = this.#paths.get(name);
    if (set) return set;
    const home = homedir();
    const appData = process.env.XDG_CONFIG_HOME ?? join(home, '.config');
    const defaults: Record<string, string> = {
      home,
      appData,
      userData: join(appData, this.name),
      sessionData: this.getPathOr('userData', join(appData, this.name)),
      documents: join(home, 'Documents'),
      downloads: join(home, 'Downloads'),
      desktop: join(home, 'Desktop'),
      temp: tmpdir(),
      exe: process.execPath,
      logs: join(appData, this.name, 'logs'),
    };
    const path = defaults[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  private getPathOr(name: string, fallback: string): string {
    return this.#paths.get(name) ?? fallback;
  }
  setPath(name: string, path: string): void {
    // As Electron documents: a folder that does not exist is an error.
    if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
    this.#paths.set(name, path);
  }

  isReady(): boolean {
    return this.#isReady;
  }
  whenReady(): Promise<void> {
    this.#ready ??= new Promise<void>((done) => setImmediate(done)).then(() => this.#becomeReady());
    return this.#ready;
  }
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    if (event === 'ready') void this.whenReady();
    return super.on(event, listener);
  }

  async #becomeReady(): Promise<void> {
    if (this.#quitting) return new Promise<void>(() => undefined); // never ready once quitting
    const port = await freePort();
    // Electron keeps Chromium's profile in userData; here it is a temp folder of this run, so a
    // read-only data folder is the app's problem to meet, not Chromium's.
    const profile = await mkdtemp(join(tmpdir(), 'timeline-desk-stand-in-profile-'));
    this.#profile = profile;
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`],
    });
    await context.route('**/*', (route) => routeRequest(route));
    // The blank tab Chromium opens is not a window of the app.
    for (const page of context.pages()) await page.close();
    this.#isReady = true;
    this.emit('ready', preventable(), {});
    say({ type: 'ready', cdpUrl: `http://127.0.0.1:${port}` });
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    this.#instance ??= new SingleInstance(this.getPath('userData'), (argv, cwd, data) =>
      this.emit('second-instance', preventable(), argv, cwd, data),
    );
    return this.#instance.acquire(additionalData);
  }
  hasSingleInstanceLock(): boolean {
    return this.#instance?.primary ?? false;
  }

  focus(): void {}
  hide(): void {}
  show(): void {}
  setAboutPanelOptions(): void {}
  showAboutPanel(): void {
    (record as { aboutPanelShown: number }).aboutPanelShown++;
  }

  /** Electron's quit: before-quit, every window closed (each may refuse), will-quit, quit. */
  quit(): void {
    if (this.#quitting) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.#quitting = true;
    void (async () => {
      for (const window of [...StandInWindow.all]) {
        if (!(await window.close())) {
          this.#quitting = false;
          return;
        }
      }
      const will = preventable();
      this.emit('will-quit', will);
      if (will.defaultPrevented) {
        this.#quitting = false;
        return;
      }
      this.emit('quit', preventable(), 0);
      await this.exit(0);
    })();
  }

  /** Ends at once: no events, windows closed without asking. */
  async exit(code = 0): Promise<never> {
    this.#quitting = true;
    await this.#instance?.release();
    await context?.close().catch(() => undefined);
    if (this.#profile) await rm(this.#profile, { recursive: true, force: true });
    process.exit(code);
  }

  get quitting(): boolean {
    return this.#quitting;
  }
}

export const app = new StandInApp();

/** Electron's single-instance lock per userData folder: a lock file and a socket for argv. */
class SingleInstance {
  primary = false;
  #server: Server | null = null;
  #handoff: Promise<void> = Promise.resolve();
  readonly #lock: string;
  readonly #socket: string;

  constructor(
    folder: string,
    private readonly onSecond: (argv: string[], cwd: string, data: unknown) => void,
  ) {
    // Electron's lock lives in userData; keyed by its path here, it works on a read-only folder.
    const key = createHash('sha256').update(resolve(folder)).digest('hex').slice(0, 24);
    this.#lock = join(tmpdir(), `timeline-desk-stand-in-${key}.lock`);
    this.#socket =
      process.platform === 'win32'
        ? `\\\\.\\pipe\\timeline-desk-stand-in-${key}`
        : join(tmpdir(), `timeline-desk-stand-in-${key}.sock`);
  }

  acquire(additionalData: unknown): boolean {
    for (;;) {
      try {
        const fd = openSync(this.#lock, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.primary = true;
        this.#listen();
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = Number(readFileSync(this.#lock, 'utf8'));
      if (isAlive(holder)) break;
      unlinkSync(this.#lock); // left by a process that died: stale
    }
    const message = JSON.stringify({ argv: process.argv, cwd: process.cwd(), additionalData });
    this.#handoff = new Promise<void>((done) => {
      const socket = createConnection(this.#socket, () => socket.end(message));
      socket.on('close', () => done());
      socket.on('error', () => done());
    });
    return false;
  }

  #listen(): void {
    if (existsSync(this.#socket) && process.platform !== 'win32') unlinkSync(this.#socket);
    this.#server = createServer((socket) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => {
        const { argv, cwd, additionalData } = JSON.parse(text) as {
          argv: string[];
          cwd: string;
          additionalData: unknown;
        };
        this.onSecond(argv, cwd, additionalData);
      });
    }).listen(this.#socket);
  }

  async release(): Promise<void> {
    await this.#handoff;
    if (!this.primary) return;
    await new Promise<void>((done) => (this.#server ? this.#server.close(() => done()) : done()));
    if (existsSync(this.#lock)) unlinkSync(this.#lock);
    this.primary = false;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('No port for DevTools');
  return address.port;
}

// BrowserWindow

const windowHost = {
  context: (): BrowserContext => {
    if (!context) throw new Error('A BrowserWindow cannot be created before the app is ready');
    return context;
  },
  handledSchemes: (): string[] => [...protocolHandlers.keys()],
  invokeHandler: (channel: string) => invokeHandlers.get(channel),
  onFocus: (window: StandInWindow) => {
    StandInWindow.focused = window;
  },
  onClosed: (window: StandInWindow) => {
    if (StandInWindow.focused === window) StandInWindow.focused = StandInWindow.all.at(-1) ?? null;
    if (StandInWindow.all.length > 0 || app.quitting) return;
    if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
    else app.quit();
  },
  onWebContentsCreated: (contents: StandInWebContents) =>
    app.emit('web-contents-created', preventable(), contents),
};

export class BrowserWindow extends StandInWindow {
  constructor(options: ConstructorParameters<typeof StandInWindow>[0] = {}) {
    super(options, windowHost);
  }
  static getAllWindows(): StandInWindow[] {
    return [...StandInWindow.all];
  }
  static getFocusedWindow(): StandInWindow | null {
    return StandInWindow.focused;
  }
  static fromWebContents(contents: StandInWebContents): StandInWindow | null {
    return StandInWindow.all.find((window) => window.webContents === contents) ?? null;
  }
  static fromId(id: number): StandInWindow | null {
    return StandInWindow.all.find((window) => window.id === id) ?? null;
  }
}

async function routeRequest(route: Route): Promise<void> {
  const request = route.request();
  let window: StandInWindow | undefined;
  try {
    const page = request.frame().page();
    window = StandInWindow.all.find((candidate) => candidate.webContents.page === page);
  } catch {
    window = undefined; // a worker's request has no frame
  }
  if (await StandInWindow.route(window, route)) return;
  const appUrl = electronUrlOf(request.url());
  const handler = protocolHandlers.get(new URL(appUrl).protocol.slice(0, -1));
  if (appUrl === request.url() || !handler) {
    await route.continue();
    return;
  }
  const response = await handler(
    new Request(appUrl, { method: request.method(), headers: await request.allHeaders() }),
  );
  await route.fulfill({
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: Buffer.from(await response.arrayBuffer()),
  });
}

// ipcMain, protocol, session, shell, screen, nativeTheme

export const ipcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (invokeHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    invokeHandlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    invokeHandlers.delete(channel);
  },
  on(): void {},
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string }[]): void {
    // Electron: "This method can only be used before the ready event of the app module".
    if (app.isReady()) throw new Error('registerSchemesAsPrivileged must be called before ready');
    record.privilegedSchemes.push(...schemes.map((entry) => entry.scheme));
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw new Error('protocol.handle must be called after ready');
    protocolHandlers.set(scheme, handler);
    record.handledSchemes.push(scheme);
  },
  unhandle(scheme: string): void {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return protocolHandlers.has(scheme);
  },
};

type PermissionCheck = (contents: unknown, permission: string, origin: string) => boolean;
type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
const permissionHandlers: { check?: PermissionCheck; request?: PermissionRequest } = {};

export const session = {
  defaultSession: {
    protocol,
    setPermissionCheckHandler(handler: PermissionCheck): void {
      permissionHandlers.check = handler;
      (record as { permissionHandlersSet: boolean }).permissionHandlersSet = true;
    },
    setPermissionRequestHandler(handler: PermissionRequest): void {
      permissionHandlers.request = handler;
    },
    // The dev server's responses get their CSP here; protocol.handle answers carry their own.
    webRequest: { onHeadersReceived(): void {} },
  },
};

export const shell = {
  async openExternal(url: string): Promise<void> {
    record.openedExternally.push(url);
  },
  async openPath(): Promise<string> {
    return '';
  },
  showItemInFolder(): void {},
};

const WORK_AREA = { x: 0, y: 0, width: 1920, height: 1040 };
const DISPLAY = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: WORK_AREA };
export const screen = {
  getPrimaryDisplay: () => DISPLAY,
  getAllDisplays: () => [DISPLAY],
  getDisplayMatching: () => DISPLAY,
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  themeSource: 'system',
});

// dialog

interface MessageBoxOptions {
  message: string;
  detail?: string;
  buttons?: string[];
  defaultId?: number;
  cancelId?: number;
}
interface SaveDialogOptions {
  defaultPath?: string;
}

function nextAnswer<K extends DialogAnswer['kind']>(
  kind: K,
): Extract<DialogAnswer, { kind: K }> | undefined {
  const index = dialogAnswers.findIndex((answer) => answer.kind === kind);
  return index < 0
    ? undefined
    : (dialogAnswers.splice(index, 1)[0] as Extract<DialogAnswer, { kind: K }>);
}

/** `story.csv`, else `story-2.csv`, `story-3.csv`…: the first name no file has. */
function freeName(path: string): string {
  const dot = path.endsWith('.timeline.json')
    ? path.length - '.timeline.json'.length
    : path.lastIndexOf('.');
  const [stem, ending] =
    dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? path : `${stem}-${n}${ending}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Electron's dialog methods take the window first, or not at all. */
function withoutWindow<T>(args: unknown[]): T {
  return (args.length > 1 ? args[1] : args[0]) as T;
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record.errorBoxes.push({ title, content });
    console.error(`[stand-in] error box: ${title}\n${content}`);
  },
  async showMessageBox(
    ...args: unknown[]
  ): Promise<{ response: number; checkboxChecked: boolean }> {
    const options = withoutWindow<MessageBoxOptions>(args);
    const response = nextAnswer('message')?.response ?? options.defaultId ?? 0;
    record.messageBoxes.push({
      message: options.message,
      detail: options.detail ?? '',
      buttons: options.buttons ?? ['OK'],
      answer: response,
    });
    return { response, checkboxChecked: false };
  },
  /** Unscripted, the user saves under the suggested name, numbered if a file has it already. */
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const options = withoutWindow<SaveDialogOptions>(args);
    const scripted = nextAnswer('save');
    const suggested = options.defaultPath ? freeName(options.defaultPath) : null;
    const filePath = scripted ? scripted.filePath : suggested;
    record.saveDialogs.push({ defaultPath: options.defaultPath ?? '', answer: filePath });
    return { canceled: filePath === null, filePath: filePath ?? '' };
  },
  async showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return { canceled: true, filePaths: [] };
  },
};

// Menu

interface MenuItemOptions {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  enabled?: boolean;
  submenu?: MenuItemOptions[];
  click?: (item: unknown, window: StandInWindow | null, event: unknown) => void;
}

/** The submenu Electron gives the windowMenu role. */
const WINDOW_MENU: MenuItemOptions[] = [{ role: 'minimize' }, { role: 'close' }];

export class Menu {
  static #application: Menu | null = null;
  constructor(readonly items: MenuItemOptions[]) {}
  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.#application = menu;
  }
  static getApplicationMenu(): Menu | null {
    return Menu.#application;
  }
  getMenuItemById(id: string): MenuItemOptions | null {
    return flatten(this.items).find((entry) => entry.item.id === id)?.item ?? null;
  }
  popup(): void {}
}

function flatten(
  items: MenuItemOptions[],
  path: string[] = [],
): { item: MenuItemOptions; path: string[] }[] {
  return items.flatMap((item) => {
    if (item.type === 'separator') return [];
    const here = [...path, item.label ?? item.role ?? ''];
    const submenu = item.submenu ?? (item.role === 'windowMenu' ? WINDOW_MENU : undefined);
    return submenu ? flatten(submenu, here) : [{ item, path: here }];
  });
}

function menuInfo(): MenuItemInfo[] {
  return flatten(Menu.getApplicationMenu()?.items ?? []).map(({ item, path }) => ({
    path,
    id: item.id ?? null,
    label: item.label ?? null,
    role: item.role ?? null,
    accelerator: item.accelerator ?? null,
    enabled: item.enabled !== false,
    hasClick: typeof item.click === 'function',
  }));
}

/** A click on a menu item: its click handler, else what its role does in Electron. */
async function clickMenu(path: readonly string[]): Promise<void> {
  const found = flatten(Menu.getApplicationMenu()?.items ?? []).find(
    (entry) => entry.path.join('>') === path.join('>'),
  );
  if (!found) throw new Error(`No menu item ${path.join(' > ')}`);
  const { item } = found;
  if (item.enabled === false) return;
  const window = StandInWindow.focused;
  if (item.click) return item.click(item, window, {});
  const contents = window?.webContents;
  switch (item.role) {
    case 'about':
      return app.showAboutPanel();
    case 'quit':
      return app.quit();
    case 'close':
      await window?.close();
      return;
    case 'minimize':
      return window?.minimize();
    case 'togglefullscreen':
      return window?.setFullScreen(!window.isFullScreen());
    case 'reload':
      return contents?.reload();
    case 'toggleDevTools':
      return contents?.toggleDevTools();
    case 'undo':
    case 'redo':
    case 'cut':
    case 'copy':
    case 'paste':
    case 'selectAll':
      return contents?.editCommand(item.role);
    default:
      return; // services, hide, hideOthers, unhide: macOS's, nothing to see here
  }
}

// The test's side

async function answer(request: ControlRequest): Promise<unknown> {
  switch (request.op) {
    case 'menu':
      return menuInfo();
    case 'clickMenu':
      return clickMenu(request.path);
    case 'windows':
      return StandInWindow.all.map((window) => window.info());
    case 'closeWindow':
      return BrowserWindow.fromId(request.id)?.close();
    case 'record':
      return record;
    case 'answerDialogs':
      dialogAnswers.push(...request.answers);
      return undefined;
    case 'openFile': {
      const event = preventable();
      app.emit('open-file', event, request.path);
      return event.defaultPrevented;
    }
    case 'activate':
      app.emit('activate', preventable(), StandInWindow.all.length > 0);
      return undefined;
    case 'quit':
      app.quit();
      return undefined;
    case 'permission': {
      const checked = permissionHandlers.check?.(null, request.permission, '') ?? true;
      const requested = await new Promise<boolean>((done) => {
        if (!permissionHandlers.request) return done(true);
        permissionHandlers.request(null, request.permission, done);
      });
      return { checked, requested };
    }
    case 'invoke': {
      // The test reads what the main process holds, as the app's window (or another page) asks.
      const handler = invokeHandlers.get(request.channel);
      if (!handler) throw new Error(`No handler for ${request.channel}`);
      const window = StandInWindow.all[0];
      const windowUrl = window?.webContents.getURL() ?? '';
      const top = { url: windowUrl, parent: null };
      const url = request.frameUrl ?? windowUrl;
      const event = {
        sender: window?.webContents,
        senderFrame: request.subFrame ? { url, parent: top } : { url, parent: null },
        frameId: 1,
        processId: 1,
      };
      return handler(event as Parameters<InvokeHandler>[0], ...request.args);
    }
  }
}

process.on('message', (message: ControlCall) => {
  if (message?.type !== 'call') return;
  answer(message.request).then(
    (value) => say({ type: 'reply', id: message.id, value }),
    (error: unknown) => say({ type: 'reply', id: message.id, error: String(error) }),
  );
});
// The control channel must not keep a quitting app alive, nor end it: Electron ends only on quit.
process.channel?.unref();
