/**
 * The stand-in's BrowserWindow and webContents: each window is a page of the Chromium that the
 * stand-in app launched, its preload run before the app's scripts (preload-runner.ts), its
 * ipcRenderer.invoke carried to the handlers registered with ipcMain.handle, with the sender
 * frame as Electron gives it (URL and parent), so the main process's sender checks run for real.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';

import type { BrowserContext, CDPSession, Frame, Page, Route } from '@playwright/test';

import { electronUrlOf, pageUrlOf, type WindowInfo } from './control';
import { preloadInitScript } from './preload-runner';

/** What a window needs from the rest of the stand-in. */
export interface WindowHost {
  readonly context: () => BrowserContext;
  readonly handledSchemes: () => readonly string[];
  readonly invokeHandler: (channel: string) => InvokeHandler | undefined;
  readonly onFocus: (window: StandInWindow) => void;
  readonly onClosed: (window: StandInWindow) => void;
  /** Emitted as app 'web-contents-created' before the window loads anything. */
  readonly onWebContentsCreated: (contents: StandInWebContents) => void;
}

export type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown;

export interface InvokeEvent {
  readonly sender: StandInWebContents;
  readonly senderFrame: SenderFrame | null;
  readonly frameId: number;
  readonly processId: number;
}

export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** An Electron event whose default can be prevented. */
export interface PreventableEvent {
  readonly url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventable(fields: { url?: string } = {}): PreventableEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

let nextId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  /** The page, once the window has one, and a CDP session to it. */
  page: Page | null = null;
  cdp: CDPSession | null = null;
  devToolsOpened = false;
  #openHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly #deliver = `__standInDeliver_${randomUUID().replaceAll('-', '')}`;
  /** Navigations the main process asked for itself (loadURL): not will-navigate. */
  readonly #ownLoads = new Set<string>();

  constructor(private readonly devToolsAllowed: boolean) {
    super();
  }

  get deliverName(): string {
    return this.#deliver;
  }

  getURL(): string {
    return this.page ? electronUrlOf(this.page.url()) : '';
  }

  /**
   * Delivers a message to the preload's listeners. Through CDP without a user gesture: Electron's
   * send gives the page no user activation (Playwright's evaluate would).
   */
  send(channel: string, ...args: unknown[]): void {
    const session = this.cdp;
    if (!session) return;
    const call = `globalThis[${JSON.stringify(this.#deliver)}]?.(${JSON.stringify(channel)}, ${JSON.stringify(args)})`;
    session
      .send('Runtime.evaluate', { expression: call, userGesture: false })
      .catch(() => undefined); // a page that is gone or navigating gets nothing, as in Electron
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.#openHandler = handler;
  }

  /**
   * window.open in the page: the open handler decides from the URL asked for (CDP's
   * Page.windowOpen gives it before the popup has loaded anything); a denied popup is closed.
   */
  watchWindowOpen(session: CDPSession, page: Page): void {
    const decisions: Promise<string>[] = [];
    void session.send('Page.enable');
    session.on('Page.windowOpen', ({ url }: { url: string }) => {
      const answer = this.#openHandler?.({ url: electronUrlOf(url) }) ?? { action: 'allow' };
      decisions.push(Promise.resolve(answer.action));
    });
    page.on('popup', (popup) => {
      void (async () => {
        // The event that names the URL can come just after the popup itself.
        for (let tries = 0; decisions.length === 0 && tries < 50; tries++) {
          await new Promise((done) => setTimeout(done, 10));
        }
        const action = (await decisions.shift()) ?? 'deny';
        if (action === 'deny') await popup.close().catch(() => undefined);
      })();
    });
  }

  /** A navigation request of this window: will-navigate (or will-frame-navigate) decides. */
  shouldBlockNavigation(url: string, isMainFrame: boolean): boolean {
    if (isMainFrame && this.#ownLoads.delete(url)) return false;
    const electronUrl = electronUrlOf(url);
    const event = preventable({ url: electronUrl });
    if (isMainFrame) this.emit('will-navigate', event, electronUrl);
    const frameEvent = preventable({ url: electronUrl });
    this.emit('will-frame-navigate', frameEvent, electronUrl);
    return event.defaultPrevented || frameEvent.defaultPrevented;
  }

  expectLoad(pageUrl: string): void {
    this.#ownLoads.add(pageUrl);
  }

  openDevTools(): void {
    // webPreferences.devTools: false makes these do nothing, as Electron documents.
    if (this.devToolsAllowed) this.devToolsOpened = true;
  }
  closeDevTools(): void {
    this.devToolsOpened = false;
  }
  toggleDevTools(): void {
    if (this.devToolsOpened) this.closeDevTools();
    else this.openDevTools();
  }
  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }

  async reload(): Promise<void> {
    await this.page?.reload();
  }

  /**
   * Editing commands of the focused frame, as the Edit menu's roles run them. Chromium refuses
   * a page's own execCommand('paste'), so the clipboard ones go in as their keys do.
   */
  async editCommand(
    command: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll',
  ): Promise<void> {
    const page = this.page;
    if (!page) return;
    const keys = { cut: 'ControlOrMeta+X', copy: 'ControlOrMeta+C', paste: 'ControlOrMeta+V' };
    if (command === 'cut' || command === 'copy' || command === 'paste') {
      await page.keyboard.press(keys[command]);
      return;
    }
    await page.evaluate((name) => {
      const doc = (globalThis as unknown as { document: { execCommand(c: string): boolean } })
        .document;
      doc.execCommand(name);
    }, command);
  }

  replaceMisspelling(_word: string): void {}
}

export class StandInWindow extends EventEmitter {
  static readonly all: StandInWindow[] = [];
  readonly id = nextId++;
  readonly webContents: StandInWebContents;
  visible = false;
  focusCount = 0;
  fullScreen = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  title: string;
  #bounds: { x: number; y: number; width: number; height: number };
  readonly #pageReady: Promise<Page>;

  constructor(
    readonly options: Record<string, unknown> & {
      webPreferences?: Record<string, unknown> & { preload?: string; devTools?: boolean };
    },
    private readonly host: WindowHost,
  ) {
    super();
    this.title = String(options.title ?? '');
    this.#bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    this.webContents = new StandInWebContents(options.webPreferences?.devTools !== false);
    StandInWindow.all.push(this);
    host.onWebContentsCreated(this.webContents);
    this.#pageReady = this.#openPage();
    this.#pageReady.catch((error: unknown) => console.error('[stand-in] window page:', error));
    if (options.show !== false) this.show();
  }

  async #openPage(): Promise<Page> {
    const page = await this.host.context().newPage();
    await page.setViewportSize({ width: this.#bounds.width, height: this.#bounds.height });
    this.webContents.page = page;
    this.webContents.cdp = await this.host.context().newCDPSession(page);
    const preload = this.options.webPreferences?.preload;
    const invokeName = `__standInInvoke_${randomUUID().replaceAll('-', '')}`;
    await page.exposeBinding(invokeName, (source, channel: string, args: unknown[]) =>
      this.#invoke(source.frame, channel, args),
    );
    if (preload) {
      const source = readFileSync(preload, 'utf8');
      const channels = { invoke: invokeName, deliver: this.webContents.deliverName };
      await page.addInitScript(preloadInitScript(source, channels, process.platform));
    }
    this.webContents.watchWindowOpen(this.webContents.cdp, page);
    page.on('close', () => this.#closed());
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    page.on('domcontentloaded', () => this.webContents.emit('dom-ready'));
    page.on('load', () => {
      this.webContents.emit('did-finish-load');
      void page.title().then((title) => {
        if (title) this.title = title;
      });
    });
    return page;
  }

  async #invoke(frame: Frame, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.host.invokeHandler(channel);
    if (!handler) return { error: `Error: No handler registered for '${channel}'` };
    const event: InvokeEvent = {
      sender: this.webContents,
      senderFrame: senderFrameOf(frame),
      frameId: 1,
      processId: 1,
    };
    try {
      return { value: await handler(event, ...args) };
    } catch (error) {
      return { error: String(error) };
    }
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.#pageReady;
    const pageUrl = pageUrlOf(url, this.host.handledSchemes());
    this.webContents.expectLoad(pageUrl);
    await page.goto(pageUrl);
    if (!this.readyShown) {
      this.readyShown = true;
      this.emit('ready-to-show');
    }
  }
  private readyShown = false;

  /** The Playwright page of this window (tests and the stand-in only). */
  page(): Promise<Page> {
    return this.#pageReady;
  }

  show(): void {
    this.visible = true;
    this.focus();
  }
  hide(): void {
    this.visible = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focusCount++;
    this.minimized = false;
    this.host.onFocus(this);
    this.emit('focus');
  }
  isFocused(): boolean {
    return StandInWindow.focused === this;
  }
  static focused: StandInWindow | null = null;
  minimize(): void {
    this.minimized = true;
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  maximize(): void {
    this.maximized = true;
    this.emit('maximize');
  }
  unmaximize(): void {
    this.maximized = false;
    this.emit('unmaximize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.#bounds };
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.getBounds();
  }
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
    this.emit('resize');
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closes as a user's click on the close box does: 'close' may prevent it. */
  async close(): Promise<boolean> {
    if (this.destroyed) return true;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    await this.destroy();
    return true;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    const page = await this.#pageReady.catch(() => null);
    await page?.close().catch(() => undefined);
    this.#closed();
  }

  #closed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    const index = StandInWindow.all.indexOf(this);
    if (index >= 0) StandInWindow.all.splice(index, 1);
    this.emit('closed');
    this.webContents.emit('destroyed');
    this.host.onClosed(this);
  }

  info(): WindowInfo {
    return {
      id: this.id,
      url: this.webContents.getURL(),
      title: this.title,
      visible: this.visible,
      focusCount: this.focusCount,
      fullScreen: this.fullScreen,
      minimized: this.minimized,
      devToolsOpened: this.webContents.devToolsOpened,
      options: this.options,
    };
  }

  /** Routes a request of this window's page: navigation rules, then the app's protocol. */
  static async route(window: StandInWindow | undefined, route: Route): Promise<boolean> {
    const request = route.request();
    if (!window || !request.isNavigationRequest()) return false;
    const frame = request.frame();
    if (window.webContents.shouldBlockNavigation(request.url(), frame.parentFrame() === null)) {
      // A 204 leaves the page where it is, as a prevented will-navigate does (an abort would
      // replace it with Chromium's error page).
      await route.fulfill({ status: 204 });
      return true;
    }
    return false;
  }
}

function senderFrameOf(frame: Frame | null): SenderFrame | null {
  if (!frame || frame.isDetached()) return null;
  return { url: electronUrlOf(frame.url()), parent: senderFrameOf(frame.parentFrame()) };
}
