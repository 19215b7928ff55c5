/**
 * Lanes (issue 17, part 2): a user adds, renames, recolours, reorders and deletes lanes in the
 * Lanes panel, by keyboard, each one step of Undo; what the timeline shows and what is on disk
 * follow.
 */
import { expect, test } from './fixtures';

const VETO = 'Russia vetoes continued UN monitoring of North Korea sanctions violations';

test('a user adds, renames, recolours, moves and deletes lanes, and undoes a delete', async ({
  app,
  page,
}) => {
  const laneLabels = page.locator('[data-lane-toggle]');
  const before = await app.stored();
  const panel = page.getByRole('dialog', { name: 'Lanes' });
  const lanesButton = page.getByRole('button', { name: 'Lanes', exact: true });

  // By keyboard: the button opens the panel with the focus in it.
  await lanesButton.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await expect(lanesButton).toHaveAttribute('aria-expanded', 'true');

  await panel.getByRole('button', { name: 'Add lane' }).click();
  await panel.getByRole('textbox', { name: 'Lane name' }).fill('Sanctions');
  await page.keyboard.press('Enter');
  await expect(app.status()).toHaveText('Added lane “Sanctions”');
  await expect(laneLabels.filter({ hasText: 'Sanctions' })).toBeVisible();
  await expect
    .poll(async () => (await app.stored()).lanes.map((lane) => lane.title))
    .toEqual([...before.lanes.map((lane) => lane.title), 'Sanctions']);

  await panel.getByRole('button', { name: 'Rename lane “Sanctions”' }).click();
  const name = panel.getByRole('textbox', { name: 'Lane name' });
  await expect(name).toBeFocused();
  await name.fill('UN sanctions');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(laneLabels.filter({ hasText: 'UN sanctions' })).toBeVisible();

  await panel.getByRole('combobox', { name: 'Colour of lane “UN sanctions”' }).selectOption('Teal');
  await panel.getByRole('button', { name: 'Move up lane “UN sanctions”' }).click();
  await expect(panel.getByRole('button', { name: 'Move up lane “UN sanctions”' })).toBeFocused();
  await expect
    .poll(async () => (await app.stored()).lanes.map((lane) => [lane.title, lane.color]).at(-2))
    .toEqual(['UN sanctions', '#16839c']);
  await expect(laneLabels.nth(before.lanes.length - 1)).toContainText('UN sanctions');
  await app.screenshot('lanes-panel');

  // Delete "United Nations": its event moves to the lane chosen; Undo brings both back.
  const un = before.lanes.find((lane) => lane.title === 'United Nations')!;
  await panel.getByRole('button', { name: 'Delete lane “United Nations”' }).click();
  await panel.getByRole('combobox', { name: 'Move its events to' }).selectOption('UN sanctions');
  await expect(panel.getByText('Its event moves to the lane chosen here')).toBeVisible();
  await app.screenshot('lanes-delete');
  await panel.getByRole('button', { name: 'Delete lane', exact: true }).click();
  await expect(app.status()).toHaveText('Deleted lane “United Nations”');
  await expect(laneLabels.filter({ hasText: /^United Nations$/ })).toHaveCount(0);
  await expect
    .poll(async () => {
      const stored = await app.stored();
      const moved = stored.events.find((event) => event.title === VETO);
      return stored.lanes.find((lane) => lane.id === moved?.laneId)?.title;
    })
    .toBe('UN sanctions');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(lanesButton).toBeFocused();
  await app.undo();
  await expect
    .poll(async () => (await app.stored()).events.find((event) => event.title === VETO)?.laneId)
    .toBe(un.id);
  await expect(laneLabels.filter({ hasText: 'United Nations' })).toBeVisible();
});

test("a lane label's context menu renames and moves its lane; the keyboard opens it too", async ({
  app,
  page,
}) => {
  const before = (await app.stored()).lanes.map((lane) => lane.title);
  const [first, second] = before as [string, string];
  const label = page.locator('[data-lane-toggle]').filter({ hasText: second });
  await label.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Lane ${second}` });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Rename lane' })).toBeFocused();
  await app.screenshot('lane-context-menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Move lane up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect
    .poll(async () => (await app.stored()).lanes.map((lane) => lane.title))
    .toEqual([second, first, ...before.slice(2)]);
  await app.undo();
  await expect
    .poll(async () => (await app.stored()).lanes.map((lane) => lane.title))
    .toEqual(before);
  // The window shows the undo too (the lanes drawn again in their order) before the keyboard
  // goes on: a key pressed while they are drawn again may reach another element.
  await expect(page.locator('[data-lane-toggle]')).toContainText(before);

  // From the keyboard: the timeline's ContextMenu key (Shift+F10) opens the first lane's menu.
  const timeline = page.locator('.timeline-host');
  await timeline.focus();
  await expect(timeline).toBeFocused();
  await page.keyboard.press('Shift+F10');
  const firstMenu = page.getByRole('menu', { name: `Lane ${first}` });
  await expect(firstMenu.getByRole('menuitem', { name: 'Move lane up' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await firstMenu.getByRole('menuitem', { name: 'Rename lane' }).press('Enter');
  const panel = page.getByRole('dialog', { name: 'Lanes' });
  const name = panel.getByRole('textbox', { name: 'Lane name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(first);
  await name.fill('Ukraine war');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.stored()).lanes[0]?.title).toBe('Ukraine war');
});

test('a lane dragged in the Lanes panel takes the place of the lane it is dropped on', async ({
  app,
  page,
}) => {
  const before = (await app.stored()).lanes.map((lane) => lane.title);
  await page.getByRole('button', { name: 'Lanes', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Lanes' });
  const rows = panel.locator('.lanes-row');
  // By its name: the row's controls (a colour list) do not start a drag.
  await rows.nth(2).locator('.lanes-name').dragTo(rows.nth(0).locator('.lanes-name'));
  await expect
    .poll(async () => (await app.stored()).lanes.map((lane) => lane.title))
    .toEqual([before[2], before[0], before[1], ...before.slice(3)]);
  await expect(rows.nth(0)).toContainText(before[2]!);
});
