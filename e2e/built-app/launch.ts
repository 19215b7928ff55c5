/**
 * Launches the built app as a user gets it: `out/main/index.js` in Node, with only the
 * `electron` module stood in for (electron-stand-in.ts), its window a page of Debian's Chromium.
 * The test connects to that Chromium over CDP and drives the window by role and name; it talks
 * to the stand-in (menus, dialogs' answers, open-file, quit) over the child's IPC channel.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { type Browser, chromium, type Page } from '@playwright/test';

import type {
  ControlRequest,
  DialogAnswer,
  MenuItemInfo,
  StandInMessage,
  StandInRecord,
  WindowInfo,
} from './control';
import { standInOrigin } from './control';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_SCRIPT = join(root, 'out/main/index.js');
const REGISTER = pathToFileURL(join(root, 'e2e/built-app/register.mjs')).href;
/** Where the window's page is served from: app://timeline-desk/ as the stand-in maps it. */
export const APP_PAGE_ORIGIN = standInOrigin('app', 'timeline-desk');

type Reply = Extract<StandInMessage, { type: 'reply' }>;

export interface LaunchOptions {
  readonly dataDir: string;
  /** The user's home: Documents (where the save dialog suggests) is below it. */
  readonly home: string;
  /** More command-line arguments (files to open). */
  readonly args?: readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

export class BuiltApp {
  /** What the process printed, stdout and stderr together. */
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  #exitCode: number | null | undefined;
  #browser: Browser | null = null;
  #nextCall = 1;
  readonly #replies = new Map<number, (message: Reply) => void>();

  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    this.exited = new Promise((done) =>
      child.on('exit', (code) => {
        this.#exitCode = code;
        done(code);
      }),
    );
    child.on('message', (message: StandInMessage) => {
      if (message.type === 'reply') this.#replies.get(message.id)?.(message);
    });
  }

  /**
   * Starts the built main process and waits until its Chromium is up (or the process ends, as
   * a second instance or a start that fails does). `ready` is false in that case.
   */
  static async start(options: LaunchOptions): Promise<{ app: BuiltApp; ready: boolean }> {
    await mkdir(join(options.home, 'Documents'), { recursive: true });
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
    }
    const child = fork(MAIN_SCRIPT, ['--data-dir', options.dataDir, ...(options.args ?? [])], {
      cwd: options.cwd ?? root,
      execArgv: ['--import', REGISTER],
      env: {
        ...env,
        HOME: options.home,
        XDG_CONFIG_HOME: join(options.home, '.config'),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Structured clone, as Electron's IPC: undefined stays undefined.
      serialization: 'advanced',
    });
    const app = new BuiltApp(child);
    const started = await Promise.race([
      new Promise<string>((done) =>
        child.on('message', (message: StandInMessage) => {
          if (message.type === 'ready') done(message.cdpUrl);
        }),
      ),
      app.exited.then(() => null),
    ]);
    if (started === null) return { app, ready: false };
    // A start that fails right after ready (an error box, then exit) takes its Chromium along.
    const browser = await chromium
      .connectOverCDP(started)
      .catch((error: unknown) =>
        endsSoon(app).then((ended) => (ended ? null : Promise.reject(error))),
      );
    if (browser === null) return { app, ready: false };
    app.#browser = browser;
    return { app, ready: true };
  }

  /** Starts the app and waits for its window to be ready; fails with the app's output if not. */
  static async launch(options: LaunchOptions): Promise<{ app: BuiltApp; page: Page }> {
    const { app, ready } = await BuiltApp.start(options);
    if (!ready) throw new Error(`The built app ended before it was ready:\n${app.log()}`);
    return { app, page: await app.window() };
  }

  /** The app's window: its page once it shows the app. */
  async window(): Promise<Page> {
    const context = this.#browser?.contexts()[0];
    if (!context) throw new Error('The app has no browser');
    const isApp = (page: Page): boolean => page.url().startsWith(APP_PAGE_ORIGIN);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const page = context.pages().find(isApp);
      if (page) return page;
      if (this.#exitCode !== undefined) throw new Error(`The app ended:\n${this.log()}`);
      if (Date.now() > deadline) throw new Error(`No app window appeared:\n${this.log()}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  log(): string {
    return this.output.join('');
  }

  async call<T>(request: ControlRequest): Promise<T> {
    if (this.#exitCode !== undefined) throw new Error('The app has ended');
    const id = this.#nextCall++;
    const reply = new Promise<Reply>((done) => this.#replies.set(id, done));
    this.child.send({ type: 'call', id, request });
    const message = await Promise.race([
      reply,
      this.exited.then((): Reply => ({ type: 'reply', id, error: 'The app ended' })),
    ]);
    this.#replies.delete(id);
    if (message.error !== undefined) throw new Error(message.error);
    return message.value as T;
  }

  menu(): Promise<MenuItemInfo[]> {
    return this.call({ op: 'menu' });
  }
  clickMenu(path: readonly string[]): Promise<void> {
    return this.call({ op: 'clickMenu', path });
  }
  windows(): Promise<WindowInfo[]> {
    return this.call({ op: 'windows' });
  }
  record(): Promise<StandInRecord> {
    return this.call({ op: 'record' });
  }
  answerDialogs(...answers: DialogAnswer[]): Promise<void> {
    return this.call({ op: 'answerDialogs', answers });
  }
  openFile(path: string): Promise<boolean> {
    return this.call({ op: 'openFile', path });
  }
  invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
    return this.call({ op: 'invoke', channel, args });
  }

  /** Quits as the user does (the menu's Quit, Cmd+Q) and waits for the process to end. */
  async quit(): Promise<number | null> {
    if (this.#exitCode === undefined) await this.call({ op: 'quit' }).catch(() => undefined);
    return this.exited;
  }

  /** Ends the process at once (a crash, or a test's clean-up). */
  async kill(): Promise<void> {
    await this.#browser?.close().catch(() => undefined);
    if (this.#exitCode === undefined) this.child.kill('SIGKILL');
    await this.exited;
  }

  get exitCode(): number | null | undefined {
    return this.#exitCode;
  }
}

/** Whether the app's process ends within a few seconds. */
function endsSoon(app: BuiltApp): Promise<boolean> {
  const wait = new Promise<boolean>((done) => setTimeout(() => done(false), 5000).unref());
  return Promise.race([app.exited.then(() => true), wait]);
}
