/**
 * The app's Content-Security-Policy (script-src 'self') must never be tripped: a violation means
 * some code tried what the policy forbids, even when it copes with the refusal. zod probes
 * `new Function` unless told it may not compile code (src/shared/zod-config.ts).
 */
import { expect, test } from './fixtures';

/** What the init script sees of the page (this tsconfig has no DOM types). */
interface PageGlobals {
  cspViolations: string[];
  addEventListener(
    type: 'securitypolicyviolation',
    listener: (event: { violatedDirective: string; sourceFile: string }) => void,
  ): void;
}

test('opening the window and editing an event trips no Content-Security-Policy rule', async ({
  app,
}) => {
  await app.page.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals;
    page.cspViolations = [];
    page.addEventListener('securitypolicyviolation', (event) => {
      page.cspViolations.push(`${event.violatedDirective} at ${event.sourceFile}`);
    });
  });
  // Opened again, with the listener in place before the page's first script.
  await app.reload();
  // Saving an edit runs the editor's schemas, which zod compiles on first use when it may.
  await app.selectEvent("Putin's state visit to North Korea");
  await app.edit({ Location: 'Vladivostok' });
  await app.save();
  await expect(app.saveState()).toHaveText('All changes saved');
  const violations = await app.page.evaluate(
    () => (globalThis as unknown as PageGlobals).cspViolations,
  );
  expect(violations).toEqual([]);
});
