/**
 * Accessibility, measured (issue 16, part 5): axe-core finds no violation of serious or critical
 * impact on each screen a user meets (main screen, editor with a field error, filter panel, lanes
 * panel, rename story, delete confirmation, import preview, chronology), in the light theme and
 * in the dark one.
 */
import { fileURLToPath } from 'node:url';

import { SEED_TITLES } from '../window-steps';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const [, , , VISIT] = SEED_TITLES;
const SANCTIONS_CSV = fileURLToPath(new URL('../fixtures/sanctions.csv', import.meta.url));

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violation on any screen, ${scheme} theme`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const check = async (screen: string): Promise<void> => {
      expect(await seriousViolations(page), `${screen}, ${scheme}`).toEqual([]);
    };

    await check('main screen');

    await app.selectEvent(VISIT!);
    await app.edit({ Title: '' });
    await app.button('Save').click();
    await expect(page.getByText('Title is empty').first()).toBeVisible();
    await check('editor with a field error');
    await app.screenshot(`a11y-editor-error-${scheme}`);
    await app.edit({ Title: VISIT! });
    await app.save();

    await page.getByRole('button', { name: /^Filter/ }).click();
    await expect(page.getByRole('dialog', { name: 'Filter events' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'scheduled' }).check();
    await check('filter panel');
    await app.screenshot(`a11y-filters-${scheme}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await page.getByRole('button', { name: 'Lanes', exact: true }).click();
    const lanes = page.getByRole('dialog', { name: 'Lanes' });
    await lanes.getByRole('button', { name: 'Delete lane “United Nations”' }).click();
    await check('lanes panel');
    await app.screenshot(`a11y-lanes-${scheme}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await app.runFromMoreMenu('Rename story');
    await expect(page.getByRole('dialog', { name: 'Rename story' })).toBeVisible();
    await check('rename story');
    await page.keyboard.press('Escape');

    await app.selectEvent(VISIT!);
    await page.keyboard.press('Delete');
    await expect(app.dialog(/Delete/)).toBeVisible();
    await check('delete confirmation');
    await page.keyboard.press('Escape');

    await app.chooseImportFile(SANCTIONS_CSV);
    await expect(app.importDialog('sanctions.csv')).toBeVisible();
    await check('import preview');
    await app.screenshot(`a11y-import-${scheme}`);
    await app.answerImport('sanctions.csv', 'Cancel');

    await page.keyboard.press('Control+2');
    await expect(page.getByRole('listbox', { name: 'Chronology' })).toBeVisible();
    await check('chronology');
    await app.screenshot(`a11y-chronology-${scheme}`);
    await page.keyboard.press('Control+1');
    app.assertNothingWentWrong();
  });
}
