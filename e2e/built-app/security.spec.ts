/**
 * The built app's protections, checked at run time on the launch harness: what the window was
 * created with, where its page comes from and what that page may reach, and who IPC answers.
 */
import { channelOf, COMMAND_NAMES } from '../../src/shared/command-names';
import type { PageGlobals } from '../electron/desk';
import { expect, test } from './fixtures';

/** What the window's page can see of the browser, read in the page. */
interface BrowserGlobals extends PageGlobals {
  fetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
  cspViolations?: string[];
}

test('the window is created with the security defaults, no DevTools, on the app scheme', async ({
  launch,
}) => {
  const desk = await launch();
  const [window] = await desk.app.windows();
  expect(window!.url).toBe('app://timeline-desk/index.html');
  expect(window!.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: false,
  });
  const record = await desk.app.record();
  expect(record.privilegedSchemes).toEqual(['app']);
  expect(record.handledSchemes).toEqual(['app']);
  expect(record.permissionHandlersSet).toBe(true);
  expect(window!.devToolsOpened).toBe(false);
  await desk.app.quit();
});

test('the page comes with its CSP as a header, and loads with no CSP violation', async ({
  launch,
}) => {
  const desk = await launch();
  await desk.page.addInitScript(() => {
    const page = globalThis as unknown as BrowserGlobals;
    page.cspViolations = [];
    page.addEventListener('securitypolicyviolation', (event) =>
      page.cspViolations!.push(event.violatedDirective),
    );
  });
  const response = await desk.page.reload();
  await desk.waitUntilReady();
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  // zod runs jitless: its Function probe would be a violation of script-src 'self'.
  const violations = await desk.page.evaluate(
    () => (globalThis as unknown as BrowserGlobals).cspViolations,
  );
  expect(violations).toEqual([]);
  await desk.app.quit();
  desk.assertNothingWentWrong();
});

test('the app scheme serves the renderer build and nothing beside it', async ({ launch }) => {
  const desk = await launch();
  const answers = await desk.page.evaluate(async () => {
    const page = globalThis as unknown as BrowserGlobals;
    const statusOf = async (path: string) => (await page.fetch(path)).status;
    return {
      index: await statusOf('/index.html'),
      traversal: await statusOf('/..%2f..%2f..%2fpackage.json'),
      encoded: await statusOf('/%2e%2e/%2e%2e/main/index.js'),
      malformed: await statusOf('/%E0%A4%A'),
      missing: await statusOf('/no-such-file.js'),
    };
  });
  expect(answers).toEqual({
    index: 200,
    traversal: 404,
    encoded: 404,
    malformed: 400,
    missing: 404,
  });
  await desk.app.quit();
});

test('the page has no Node, and window.api holds exactly the contract', async ({ launch }) => {
  const desk = await launch();
  const seen = await desk.page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    return {
      require: typeof page.require,
      process: typeof page.process,
      module: typeof page.module,
      Buffer: typeof page.Buffer,
      keys: Object.keys(page.api).sort(),
      frozen: Object.isFrozen(page.api),
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    keys: [...COMMAND_NAMES, 'hasNativeMenu', 'onMenuCommand', 'onOpenFile', 'platform'].sort(),
    frozen: true,
  });
  await desk.app.quit();
});

test('IPC answers the app window only: another page or a sub-frame is refused', async ({
  launch,
}) => {
  const desk = await launch();
  const channel = channelOf('getTimeline');
  const own = await desk.app.invoke<{ ok: boolean }>(channel);
  expect(own.ok).toBe(true);
  for (const request of [
    { frameUrl: 'https://example.com/' },
    { frameUrl: 'file:///tmp/index.html' },
    { frameUrl: 'app://timeline-desk/other.html' },
    { subFrame: true },
  ]) {
    const answer = await desk.app.call({ op: 'invoke', channel, args: [], ...request });
    expect(answer, JSON.stringify(request)).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'This request did not come from the Timeline Desk window.',
      },
    });
  }
  // A bad argument from the window is a typed error, without a stack trace.
  const bad = await desk.page.evaluate(() =>
    (globalThis as unknown as PageGlobals).api.deleteEvent({ id: 42 } as never),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(JSON.stringify(bad)).not.toMatch(/\bat .*\.js:\d+/);
  await desk.app.quit();
});

test('the page cannot navigate away or open windows; web links go to the browser', async ({
  launch,
}) => {
  const desk = await launch();
  await desk.page
    .evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    })
    .catch(() => undefined);
  await desk.waitUntilReady();
  expect((await desk.app.windows())[0]!.url).toBe('app://timeline-desk/index.html');

  await desk.page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    for (const url of ['https://example.com/news', 'file:///etc/passwd', 'javascript:alert(1)']) {
      page.open(url);
    }
  });
  await expect
    .poll(async () => (await desk.app.record()).openedExternally)
    .toEqual(['https://example.com/news']);
  expect(await desk.app.windows()).toHaveLength(1);
  expect(
    desk.page
      .context()
      .pages()
      .filter((page) => !page.isClosed()),
  ).toHaveLength(1);
  await desk.app.quit();
});

test('every permission a page could ask for is denied', async ({ launch }) => {
  const desk = await launch();
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'midi']) {
    expect(await desk.app.call({ op: 'permission', permission })).toEqual({
      checked: false,
      requested: false,
    });
  }
  await desk.app.quit();
});
