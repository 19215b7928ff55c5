/** The window's protections, checked in the running app. */
import { COMMAND_NAMES } from '../../src/shared/command-names';
import {
  appEntryUrl,
  electronAvailable,
  expect,
  NO_ELECTRON_REASON,
  type PageGlobals,
  test,
} from './desk';

test.skip(!electronAvailable, NO_ELECTRON_REASON);

test('the window runs with context isolation and the sandbox, without Node', async ({ desk }) => {
  const preferences = await desk.app.evaluate(({ BrowserWindow }) => {
    const windows = BrowserWindow.getAllWindows();
    // Undocumented (so untyped), but the one way to read what the window really runs with.
    const contents = windows[0]!.webContents as unknown as { getLastWebPreferences(): unknown };
    return { count: windows.length, preferences: contents.getLastWebPreferences() };
  });
  expect(preferences.count).toBe(1);
  expect(preferences.preferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
  });
  expect(desk.page.url()).toBe(appEntryUrl);

  const globals = await desk.page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    return {
      require: typeof page.require,
      process: typeof page.process,
      module: typeof page.module,
      Buffer: typeof page.Buffer,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
  });
});

test('window.api holds exactly the contract and nothing to reach IPC with', async ({ desk }) => {
  const api = await desk.page.evaluate(() => {
    const { api } = globalThis as unknown as PageGlobals;
    return {
      keys: Object.keys(api).sort(),
      hasNativeMenu: api.hasNativeMenu,
      platform: api.platform,
    };
  });
  expect(api.keys).toEqual(
    [...COMMAND_NAMES, 'hasNativeMenu', 'onMenuCommand', 'onOpenFile', 'platform'].sort(),
  );
  expect(api.hasNativeMenu).toBe(true);
  expect(api.platform).toBe(process.platform);
});

test('a command answers with a typed result, and a bad argument with a typed error', async ({
  desk,
}) => {
  const answers = await desk.page.evaluate(async () => {
    const { api } = globalThis as unknown as PageGlobals;
    const timeline = await api.getTimeline();
    const bad = await api.deleteEvent({ id: 42 } as never);
    return { timelineOk: timeline.ok, bad };
  });
  expect(answers.timelineOk).toBe(true);
  expect(answers.bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(JSON.stringify(answers.bad)).not.toMatch(/\bat .*\.js:\d+/);
});

test('the page cannot navigate away, and opens no window', async ({ desk }) => {
  const opened = await desk.recordExternalLinks();
  const refused = desk.app.evaluate(
    ({ BrowserWindow }) =>
      new Promise<string>((resolve) => {
        BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (event) =>
          resolve(event.url),
        );
      }),
  );
  await desk.page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  expect(await refused).toBe('https://example.com/');
  await desk.waitUntilReady();
  expect(desk.page.url()).toBe(appEntryUrl);

  const windows = await desk.page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    const urls = [
      'https://example.com/news',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
    ];
    return urls.map((url) => page.open(url) === null);
  });
  expect(windows).toEqual([true, true, true, true]);
  expect(desk.app.windows()).toHaveLength(1);
  expect(await desk.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(
    1,
  );
  // Only the web link went to the system browser; the others opened nothing at all.
  expect(await opened()).toEqual(['https://example.com/news']);
});

test('the store lives in the data folder given on the command line', async ({ desk, dataDir }) => {
  const stored = await desk.stored();
  expect(stored.events.length).toBeGreaterThanOrEqual(5);
  const storePath = await desk.page.evaluate(async () => {
    const result = await (globalThis as unknown as PageGlobals).api.getTimeline();
    return result.ok ? result.value.storePath : null;
  });
  expect(storePath?.startsWith(dataDir)).toBe(true);
});
