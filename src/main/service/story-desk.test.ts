/**
 * The desk of stories (issue 17, part 1) through the real services and real folders: a story
 * list, new / duplicate / delete to the trash / restore / open, the last story reopening, undo
 * per story, import as a new story, and the upgrade of a single-story data folder.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { storeOnDisk } from '../../../test/fixtures/on-disk';
import { manualClock, useServices } from '../../../test/fixtures/services';
import { useTempDirs } from '../../../test/temp-dir';
import { seedDocument } from '../app-services';
import {
  DESK_FILE,
  KEPT_BEFORE_STORIES,
  STORIES_DIR,
  TRASH_DIR,
  TRASH_KEEP_MS,
} from '../store/desk-folder';
import { openTimelineRepository, STORE_FILE_NAME } from '../store/timeline-repository';

// Before useServices: hooks run last-registered first, so the services close before this goes.
const tempDir = useTempDirs();
const start = useServices();

type App = Awaited<ReturnType<typeof start>>;

const listed = async (app: App) => {
  const list = await app.call('listStories');
  return {
    current: list.current,
    stories: list.stories.map((story) => `${story.title} (${story.events})`),
    trash: list.trash.map((story) => story.title),
  };
};

const seedTitle = seedDocument().timeline.title;

describe('the story list', () => {
  it('starts an empty data folder with the seed story, the only one on the desk', async () => {
    const app = await start();
    const list = await app.call('listStories');
    expect(list.stories).toHaveLength(1);
    expect(list.stories[0]).toMatchObject({ id: list.current, title: seedTitle, events: 5 });
    expect(Date.parse(list.stories[0]!.changedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await readdir(join(app.dataDir, STORIES_DIR))).toEqual([list.current]);
  });

  it('creates a story and opens it: empty, one lane, listed first; it reopens at the next start', async () => {
    const app = await start();
    const { id } = await app.call('createStory', { title: 'Gaza ceasefire talks' });
    const opened = await app.documentNow();
    expect(opened.timeline.title).toBe('Gaza ceasefire talks');
    expect(opened.events).toEqual([]);
    expect(opened.lanes.map((lane) => lane.title)).toEqual(['Events']);
    expect(app.services.storePath).toBe(join(app.dataDir, STORIES_DIR, id, STORE_FILE_NAME));
    expect(await listed(app)).toEqual({
      current: id,
      stories: ['Gaza ceasefire talks (0)', `${seedTitle} (5)`],
      trash: [],
    });

    await app.services.close();
    const again = await start({ dataDir: app.dataDir });
    expect((await again.documentNow()).timeline.title).toBe('Gaza ceasefire talks');
  });

  it('opens another story, whose changes and title stay its own', async () => {
    const app = await start();
    const seedId = (await app.call('listStories')).current;
    const { id: talks } = await app.call('createStory', { title: 'Talks' });
    await app.call('createEvent', {
      title: 'First round',
      start: '2024-06-20',
      laneId: (await app.documentNow()).lanes[0]!.id,
    });
    await app.call('openStory', { id: seedId });
    expect((await app.documentNow()).events.map((event) => event.title)).not.toContain(
      'First round',
    );
    expect(await listed(app)).toMatchObject({ current: seedId });
    expect((await listed(app)).stories).toContain('Talks (1)');
    await app.call('openStory', { id: talks });
    expect((await app.documentNow()).events.map((event) => event.title)).toEqual(['First round']);
  });

  it("answers the window's watch of the story it leaves at once, not after the long wait", async () => {
    const app = await start();
    const seedId = (await app.call('listStories')).current;
    const { version } = await app.call('watchStoreStatus', { after: -1 });
    let answered = false;
    const watch = app.call('watchStoreStatus', { after: version }).then((status) => {
      answered = true;
      return status;
    });
    await new Promise((wait) => setTimeout(wait, 50));
    expect(answered).toBe(false);
    const { id: other } = await app.call('createStory', { title: 'Other' });
    const opened = Date.now();
    expect(await watch).toMatchObject({ version, failure: null });
    expect(Date.now() - opened).toBeLessThan(1000);
    // The story opened now has a watch of its own, which waits for news as before.
    let otherAnswered = false;
    const mine = await app.call('watchStoreStatus', { after: -1 });
    void app.call('watchStoreStatus', { after: mine.version }).then(() => (otherAnswered = true));
    await new Promise((wait) => setTimeout(wait, 50));
    expect(otherAnswered).toBe(false);
    await app.call('openStory', { id: seedId });
    await new Promise((wait) => setTimeout(wait, 0));
    expect(otherAnswered).toBe(true);
    expect(other).not.toBe(seedId);
  });

  it('keeps undo history per story', async () => {
    const app = await start();
    const seedId = (await app.call('listStories')).current;
    const veto = await app.byTitle('Russia vetoes');
    await app.call('updateEvent', { id: veto.id, patch: { title: 'Vetoed' } });
    const { id: other } = await app.call('createStory', { title: 'Other' });
    expect(await app.call('getHistory')).toMatchObject({ canUndo: false });
    await app.call('openStory', { id: seedId });
    expect(await app.call('getHistory')).toMatchObject({ undoLabel: 'Undo Edit event' });
    await app.call('undo');
    expect((await app.byTitle('Russia vetoes')).id).toBe(veto.id);
    await app.call('openStory', { id: other });
    expect(await app.call('getHistory')).toMatchObject({ canUndo: false });
  });

  it('duplicates a story into one of its own, left closed', async () => {
    const app = await start();
    const seedId = (await app.call('listStories')).current;
    const { id } = await app.call('duplicateStory', { id: seedId });
    expect((await listed(app)).stories).toEqual(
      expect.arrayContaining([`${seedTitle} (copy) (5)`, `${seedTitle} (5)`]),
    );
    expect((await app.call('listStories')).current).toBe(seedId);
    await app.call('openStory', { id });
    const copy = await app.documentNow();
    expect(copy.timeline.id).not.toBe(seedDocument().timeline.id);
    await app.call('deleteEvent', { id: copy.events[0]!.id });
    await app.call('openStory', { id: seedId });
    expect((await app.documentNow()).events).toHaveLength(5);
  });

  it('deletes a story to the trash, opening another, and restores it whole', async () => {
    const app = await start();
    const seedId = (await app.call('listStories')).current;
    const { id: talks } = await app.call('createStory', { title: 'Talks' });
    const deleted = await app.call('deleteStory', { id: talks });
    expect(deleted.current).toBe(seedId);
    expect((await app.documentNow()).timeline.title).toBe(seedTitle);
    expect(await listed(app)).toMatchObject({ stories: [`${seedTitle} (5)`], trash: ['Talks'] });
    expect(await readdir(join(app.dataDir, TRASH_DIR))).toEqual([talks]);
    expect(await app.refuse('openStory', { id: talks })).toMatchObject({
      code: 'not-found',
      message: 'That story is in the trash. Restore it first.',
    });

    await app.call('restoreStory', { id: talks });
    expect(await listed(app)).toMatchObject({ trash: [] });
    await app.call('openStory', { id: talks });
    expect((await app.documentNow()).timeline.title).toBe('Talks');
  });

  it('refuses to delete the only story, and changes nothing', async () => {
    const app = await start();
    const { current } = await app.call('listStories');
    expect(await app.refuse('deleteStory', { id: current })).toMatchObject({
      code: 'invalid',
      message: 'This is the only story on the desk. Create another story before you delete it.',
    });
    expect(await listed(app)).toMatchObject({ stories: [`${seedTitle} (5)`], trash: [] });
  });

  it('keeps a deleted story 30 days, then empties it from the trash at a start', async () => {
    const clock = manualClock('2026-03-01T10:00:00.000Z');
    const app = await start({ now: clock.now });
    const { id } = await app.call('createStory', { title: 'Old story' });
    await app.call('deleteStory', { id });
    await app.services.close();

    clock.advance(TRASH_KEEP_MS - 60_000);
    const soon = await start({ dataDir: app.dataDir, now: clock.now });
    expect((await listed(soon)).trash).toEqual(['Old story']);
    await soon.services.close();

    clock.advance(120_000);
    const later = await start({ dataDir: app.dataDir, now: clock.now });
    expect((await listed(later)).trash).toEqual([]);
    expect(await readdir(join(app.dataDir, TRASH_DIR))).toEqual([]);
  });

  it('refuses ids that are not stories: not a uuid, or no such story', async () => {
    const app = await start();
    expect(await app.refuse('openStory', { id: '../timeline' })).toMatchObject({
      code: 'invalid',
    });
    expect(
      await app.refuse('openStory', { id: '0b4f7c52-3c1e-4f57-9a43-5b7d0f0e7b11' }),
    ).toMatchObject({ code: 'not-found', message: 'That story is no longer on the desk.' });
    expect(await app.refuse('createStory', { title: '' })).toMatchObject({ code: 'invalid' });
  });

  it('imports a previewed file as a new story, opened, leaving the story it came from as it was', async () => {
    const app = await start();
    const seedId = (await app.call('listStories')).current;
    const file = {
      title: { text: { headline: 'Ceasefire talks' } },
      events: [
        { start_date: { year: 2024, month: 7, day: 1 }, text: { headline: 'Talks open' } },
        { start_date: { year: 2024, month: 7, day: 3 }, text: { headline: 'Talks close' } },
      ],
    };
    const preview = await app.call('previewImport', {
      fileName: 'talks.json',
      text: JSON.stringify(file),
    });
    const { id } = await app.call('importAsNewStory', { token: preview.token });
    const story = await app.documentNow();
    expect(story.timeline.title).toBe('Ceasefire talks');
    expect(story.events.map((event) => event.title).sort()).toEqual(['Talks close', 'Talks open']);
    expect((await app.call('listStories')).current).toBe(id);
    await app.call('openStory', { id: seedId });
    expect((await app.documentNow()).events).toHaveLength(5);
    // The preview is used up.
    expect(await app.refuse('importAsNewStory', { token: preview.token })).toMatchObject({
      code: 'not-found',
    });
  });

  it('gives a CSV imported as a new story its own id, its file name as title and only its lanes', async () => {
    const app = await start();
    const seed = await app.documentNow();
    const text = 'id,title,start\n1,Talks open,2024-07-01\n';
    const preview = await app.call('previewImport', { fileName: 'gaza talks.csv', text });
    await app.call('importAsNewStory', { token: preview.token });
    const story = await app.documentNow();
    expect(story.timeline).toMatchObject({ title: 'gaza talks', description: '' });
    expect(story.timeline.id).not.toBe(seed.timeline.id);
    expect(story.lanes.map((lane) => lane.id)).toEqual([story.events[0]?.laneId]);
  });

  it('makes desk.json again from the story folders when it is damaged, keeping the damaged one', async () => {
    const app = await start();
    const { id } = await app.call('createStory', { title: 'Talks' });
    await app.services.close();
    await writeFile(join(app.dataDir, DESK_FILE), '{"format":"timeline-desk-desk","vers');
    const again = await start({ dataDir: app.dataDir });
    const timeline = await again.call('getTimeline');
    expect(timeline.notices.join(' ')).toMatch(/list of stories \(desk\.json\) could not be read/);
    expect((await listed(again)).stories.sort()).toEqual([`${seedTitle} (5)`, 'Talks (0)'].sort());
    expect((await readdir(app.dataDir)).some((name) => name.startsWith('desk.damaged-'))).toBe(
      true,
    );
    expect((await again.call('listStories')).stories.map((story) => story.id)).toContain(id);
  });
});

describe('upgrading a single-story data folder', () => {
  /** A data folder as the single-story versions left it: store, journal lines, a backup. */
  async function singleStoryFolder(): Promise<{ dir: string; files: string[] }> {
    const dir = await tempDir();
    const { repository } = await openTimelineRepository({
      dataDir: dir,
      seed: seedDocument,
      backupIntervalMs: 0,
    });
    const veto = [...repository.events()].find((event) => event.title.startsWith('Russia'))!;
    repository.apply({ upserted: [{ ...veto, title: 'Edited before the upgrade' }], removed: [] });
    const edited = repository.get(veto.id)!;
    repository.apply({ upserted: [{ ...edited, location: 'Pyongyang' }], removed: [] });
    await repository.close();
    return { dir, files: (await readdir(dir)).sort() };
  }

  it('makes it the first story, nothing lost, the original files kept aside', async () => {
    const { dir, files } = await singleStoryFolder();
    expect(files).toContain(STORE_FILE_NAME);
    const before = await storeOnDisk(dir);
    const originalText = await readFile(join(dir, STORE_FILE_NAME), 'utf8');

    const app = await start({ dataDir: dir });
    expect(await app.documentNow()).toEqual(before);
    const notices = (await app.call('getTimeline')).notices.join(' ');
    expect(notices).toContain('Your timeline is the first of them');
    const { current } = await app.call('listStories');
    const kept = join(dir, KEPT_BEFORE_STORIES, current);
    expect(notices).toContain(kept);
    expect((await listed(app)).stories).toEqual([
      `${before.timeline.title} (${before.events.length})`,
    ]);
    // The originals, byte for byte, in before-stories/<id>/; the root keeps only the desk.
    expect((await readdir(kept)).sort()).toEqual(files);
    expect(await readFile(join(kept, STORE_FILE_NAME), 'utf8')).toBe(originalText);
    expect(await readdir(join(dir, STORIES_DIR, current))).not.toContain('migrated-to');
    expect(
      (await readdir(dir)).filter(
        (name) => name.startsWith('timeline.') && name !== 'timeline.lock',
      ),
    ).toEqual([]);

    // A second start finds nothing to upgrade and tells nothing.
    await app.services.close();
    const again = await start({ dataDir: dir });
    expect((await again.call('getTimeline')).notices).toEqual([]);
    expect((await again.call('listStories')).stories).toHaveLength(1);
  });

  it('finishes an upgrade a crash cut short, without a second copy of the story', async () => {
    const { dir } = await singleStoryFolder();
    const before = await storeOnDisk(dir);
    // Cut short after the copy was made and marked, before the originals moved aside.
    const staging = join(dir, STORIES_DIR, '.migrating');
    await mkdir(staging, { recursive: true });
    for (const name of await readdir(dir)) {
      if (name === STORIES_DIR) continue;
      const { cp } = await import('node:fs/promises');
      await cp(join(dir, name), join(staging, name), { recursive: true });
    }
    const id = '6a1c2b7e-9d4f-4e3a-8b5c-1f2e3d4c5b6a';
    await writeFile(join(staging, 'migrated-to'), id);

    const app = await start({ dataDir: dir });
    expect(await app.documentNow()).toEqual(before);
    expect(await listed(app)).toMatchObject({ current: id });
    expect(await readdir(join(dir, STORIES_DIR))).toEqual([id]);
  });

  it('keeps a story whose restore a crash cut short (its folder back, desk.json not yet)', async () => {
    const app = await start();
    const { id } = await app.call('createStory', { title: 'Talks' });
    await app.call('deleteStory', { id });
    await app.services.close();
    const { rename } = await import('node:fs/promises');
    await rename(join(app.dataDir, TRASH_DIR, id), join(app.dataDir, STORIES_DIR, id));
    const again = await start({ dataDir: app.dataDir });
    expect(await listed(again)).toMatchObject({ trash: [] });
    await again.call('openStory', { id });
    expect((await again.documentNow()).timeline.title).toBe('Talks');
  });

  it('upgrades a folder whose store is gone but whose backups are there, from the newest backup', async () => {
    const { dir } = await singleStoryFolder();
    const before = await storeOnDisk(dir);
    await rm(join(dir, STORE_FILE_NAME));
    for (const name of await readdir(dir)) if (name.endsWith('.journal')) await rm(join(dir, name));
    const app = await start({ dataDir: dir });
    expect((await app.documentNow()).timeline.title).toBe(before.timeline.title);
    expect((await app.call('getTimeline')).notices.join(' ')).toMatch(/restored the backup/);
  });

  it('starts the copy again when a crash cut it short before it was marked whole', async () => {
    const { dir } = await singleStoryFolder();
    const before = await storeOnDisk(dir);
    const staging = join(dir, STORIES_DIR, '.migrating');
    await mkdir(staging, { recursive: true });
    await writeFile(join(staging, STORE_FILE_NAME), '{"format":"timeline-de');

    const app = await start({ dataDir: dir });
    expect(await app.documentNow()).toEqual(before);
    expect((await app.call('listStories')).stories).toHaveLength(1);
  });
});
