/**
 * Dates as people type them (issue 17, part 3): the Start and End fields take "19 Juni 2024",
 * "June 2024", "05/06/2024" and the like besides ISO; the line under each field says how it was
 * read, and the ISO date at the precision typed is what is saved.
 */
import { expect, test } from './fixtures';

const VISIT = "Putin's state visit to North Korea";

test('a user types dates as people write them; the reading shows, the ISO date is saved', async ({
  app,
}) => {
  await app.selectEvent(VISIT);
  const start = app.field('Start');
  const end = app.field('End');

  await start.fill('19 Juni 2024');
  await expect(start).toHaveAccessibleDescription(/19 June 2024 · day/);
  await end.fill('Juni 2024');
  await expect(end).toHaveAccessibleDescription(/June 2024 · month/);
  await end.fill('20/06/2024');
  await expect(end).toHaveAccessibleDescription(/20 June 2024 · day/);
  await app.save();
  await expect
    .poll(async () => {
      const saved = await app.storedEvent(VISIT);
      return [saved?.start, saved?.end];
    })
    .toEqual(['2024-06-19', '2024-06-20']);
  // The editor then shows the date as it is kept.
  await expect(start).toHaveValue('2024-06-19');

  // A date that could be read either way says which way it was read.
  await start.fill('05/06/2024');
  await expect(start).toHaveAccessibleDescription(/5 June 2024 · day · read day first/);
  await start.fill('19 June');
  await expect(start).toHaveAccessibleDescription(/Needs the year too/);
  await app.screenshot('typed-date-hint');
  await app.save();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(
    app.alerts().filter({ hasText: 'Start needs the year too, as in 19 June 2024' }),
  ).toBeVisible();
  expect((await app.storedEvent(VISIT))?.start).toBe('2024-06-19');
});
