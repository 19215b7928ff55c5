/** Undo and Redo: every kind of change, with the buttons and with the keys. */
import type { TimelineDocument } from '../../src/shared/schema';
import type { AppDriver } from './app-driver';
import { expect, test } from './fixtures';

const VISIT = "Putin's state visit to North Korea";
const VIETNAM = 'Putin travels on to Vietnam';
const VETO = 'Russia vetoes continued UN monitoring of North Korea sanctions violations';

/** The document with its events in id order, so two snapshots compare by content alone. */
function normalised(doc: TimelineDocument): TimelineDocument {
  return { ...doc, events: [...doc.events].sort((a, b) => a.id.localeCompare(b.id)) };
}

async function snapshot(app: AppDriver): Promise<TimelineDocument> {
  return normalised(await app.stored());
}

type Step = 'buttons' | 'keys';

/**
 * Undoes the last change and redoes it, checking that the store goes back to `before` and then
 * forward to `after`, and that the Undo button names the change.
 */
async function undoAndRedo(
  app: AppDriver,
  how: Step,
  label: string,
  before: TimelineDocument,
  after: TimelineDocument,
): Promise<void> {
  await expect(app.button('Undo')).toBeEnabled();
  await expect(app.button('Undo')).toHaveAttribute('title', new RegExp(`^Undo ${label} \\(`));
  if (how === 'buttons') await app.undo();
  else await pressOutsideFields(app, 'Control+z');
  await expect.poll(() => snapshot(app)).toEqual(before);
  await expect(app.button('Redo')).toHaveAttribute('title', new RegExp(`^Redo ${label} \\(`));
  if (how === 'buttons') await app.redo();
  else await pressOutsideFields(app, 'Control+Shift+z');
  await expect.poll(() => snapshot(app)).toEqual(after);
  await expect(app.status()).toHaveText(`Redone: ${label}`);
}

/** Presses keys with the focus on the timeline, where Ctrl+Z is the app's undo. */
async function pressOutsideFields(app: AppDriver, keys: string): Promise<void> {
  await app.page.locator('.timeline-host').focus();
  await app.page.keyboard.press(keys);
}

for (const how of ['buttons', 'keys'] as const) {
  test(`a user undoes and redoes each kind of change with the ${how}`, async ({ app }) => {
    await expect(app.button('Undo')).toBeDisabled();
    await expect(app.button('Redo')).toBeDisabled();

    // Create, then edit its title.
    let before = await snapshot(app);
    await app.addEvent();
    await expect.poll(async () => (await app.stored()).events.length).toBe(6);
    let after = await snapshot(app);
    await undoAndRedo(app, how, 'Add event', before, after);
    await expect(app.item('New event')).toBeVisible();

    await app.selectEvent('New event');
    before = after;
    await app.edit({ Title: 'Kim greets Putin at the airport' });
    await app.save();
    await expect(app.item('Kim greets Putin at the airport')).toBeVisible();
    after = await snapshot(app);
    await undoAndRedo(app, how, 'Edit event', before, after);
    await expect(app.field('Title')).toHaveValue('Kim greets Putin at the airport');

    // Move by dragging (zoomed in around the event, to drag it by whole days).
    await app.selectEvent(VISIT);
    await app.button('Fit').click();
    for (let i = 0; i < 4; i++) await app.button('Zoom in').click();
    await app.item(VISIT).scrollIntoViewIfNeeded();
    before = after;
    await app.dragEvent(VISIT, 120);
    await expect.poll(async () => (await snapshot(app)) !== before).toBe(true);
    await expect.poll(async () => (await app.storedEvent(VISIT))?.start).not.toBe('2024-06-16');
    after = await snapshot(app);
    await undoAndRedo(app, how, 'Move event', before, after);

    // A follow-up.
    await app.selectEvent(VETO);
    before = after;
    await app.button('Add follow-up').click();
    await expect(app.field('Title')).toBeFocused();
    await expect.poll(async () => (await app.stored()).events.length).toBe(7);
    after = await snapshot(app);
    await undoAndRedo(app, how, 'Add follow-up', before, after);

    // Delete an event with a follow-up: undo brings it back, same id, the follow-up linked again.
    const visit = (await app.storedEvent(VISIT))!;
    expect((await app.storedEvent(VIETNAM))?.followUpOf).toBe(visit.id);
    await app.selectEvent(VISIT);
    before = await snapshot(app);
    await app.deleteSelected();
    await expect(app.item(VISIT)).toHaveCount(0);
    expect((await app.storedEvent(VIETNAM))?.followUpOf).toBeNull();
    after = await snapshot(app);
    await undoAndRedo(app, how, 'Delete event', before, after);
    await expect(app.item(VISIT)).toHaveCount(0);
    await (how === 'buttons' ? app.undo() : pressOutsideFields(app, 'Control+z'));
    await expect(app.item(VISIT)).toBeVisible();
    expect((await app.storedEvent(VISIT))?.id).toBe(visit.id);
    expect((await app.storedEvent(VIETNAM))?.followUpOf).toBe(visit.id);
    await expect(app.status()).toHaveText('Undone: Delete event');
  });
}

test('Undo clears the selection of an event it removes and refreshes one it changes', async ({
  app,
}) => {
  await app.selectEvent(VISIT);
  const location = (await app.storedEvent(VISIT))!.location;
  await app.edit({ Location: 'Pyongyang, Sunan airport' });
  await app.save();
  await expect
    .poll(async () => (await app.storedEvent(VISIT))?.location)
    .toBe('Pyongyang, Sunan airport');
  await app.undo();
  await expect(app.field('Location')).toHaveValue(location);
  await app.redo();
  await expect(app.field('Location')).toHaveValue('Pyongyang, Sunan airport');

  await app.addEvent();
  await expect(app.field('Title')).toHaveValue('New event');
  await app.undo();
  await expect(app.item('New event')).toHaveCount(0);
  await expect(app.page.getByText('No event selected')).toBeVisible();
  await expect(app.button('Delete event')).toBeDisabled();
});

test('Ctrl+Z in a text field undoes the typing, not the timeline', async ({ app, page }) => {
  await app.selectEvent(VISIT);
  await app.edit({ Location: 'Pyongyang, Sunan airport' });
  await app.save();
  await expect(app.button('Undo')).toHaveAttribute('title', /^Undo Edit event/);
  const before = await snapshot(app);

  const location = app.field('Location');
  await location.fill('Sunan');
  await expect(location).toHaveValue('Sunan');
  await page.keyboard.press('Control+z');
  await expect(location).toHaveValue('Pyongyang, Sunan airport');
  expect(await snapshot(app)).toEqual(before);
  await expect(app.button('Undo')).toHaveAttribute('title', /^Undo Edit event/);

  // Outside the field the same keys undo the saved edit.
  await pressOutsideFields(app, 'Control+z');
  await expect(location).not.toHaveValue('Pyongyang, Sunan airport');
  expect((await app.storedEvent(VISIT))?.location).not.toBe('Pyongyang, Sunan airport');
  // Ctrl+Y redoes too, on Windows and Linux.
  await pressOutsideFields(app, 'Control+y');
  await expect(app.field('Location')).toHaveValue('Pyongyang, Sunan airport');
});

test('the history survives a reload of the window', async ({ app }) => {
  await app.addEvent();
  await expect(app.button('Undo')).toBeEnabled();
  await app.reload();
  await expect(app.button('Undo')).toHaveAttribute('title', /^Undo Add event/);
  await app.undo();
  await expect(app.item('New event')).toHaveCount(0);
  await expect(app.button('Undo')).toBeDisabled();
  await expect(app.button('Redo')).toBeEnabled();
});
