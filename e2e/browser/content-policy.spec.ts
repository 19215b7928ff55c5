/**
 * The app's Content-Security-Policy (script-src 'self') must never be tripped: a violation means
 * some code tried what the policy forbids, and in Electron each one is logged as a warning.
 * zod probes `new Function` unless told it may not compile code (src/shared/zod-config.ts).
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
  page,
  harness,
}) => {
  await page.addInitScript(() => {
    const page = globalThis as unknown as PageGlobals;
    page.cspViolations = [];
    page.addEventListener('securitypolicyviolation', (event) => {
      page.cspViolations.push(`${event.violatedDirective} at ${event.sourceFile}`);
    });
  });
  await page.goto(harness.url);
  await expect(page.locator('[data-ready]')).toHaveCount(1);
  // Saving an edit runs the editor's schemas, which zod compiles on first use when it may.
  await page.locator('.ev-title').first().click();
  await page.getByLabel('Location', { exact: true }).fill('Vladivostok');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.status-line').getByRole('status')).toHaveText('All changes saved');
  const violations = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).cspViolations,
  );
  expect(violations).toEqual([]);
});
