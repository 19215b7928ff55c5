/**
 * The desk's commands in the window: New story, Open story… (Ctrl/Cmd+K), Duplicate story,
 * Delete story (after a confirmation; it goes to the trash), Restore, and the Stories panel
 * that lists them. Once the main process has opened another story, the window's app is mounted
 * again on it (main.ts): every view starts clean, from that story.
 */
import type { TimelineApi } from '../../../shared/contract';
import { isolated } from '../ui/bidi';
import { Modal } from '../ui/modal';
import { OpenStoryDialog } from '../ui/open-story-dialog';
import type { StatusLine } from '../ui/status-line';
import { StoriesPanel, type StoryList } from '../ui/stories-panel';
import type { StoryDialog } from '../ui/story-dialog';

export interface DeskFlowDeps {
  readonly api: TimelineApi;
  readonly status: StatusLine;
  /** Asks about unsaved edits in the editor; false when the user stays. */
  readonly leaveEditor: () => Promise<boolean>;
  /** Shows the story the main process has open now, in place of the one shown. */
  readonly storyOpened: () => void;
  /** The story's dialog (New story; the window's Rename story shares it). */
  readonly storyDialog: StoryDialog;
}

export class DeskFlow {
  readonly panel: StoriesPanel;
  readonly #deps: DeskFlowDeps;
  readonly #openDialog = new OpenStoryDialog();
  readonly #confirm = new Modal('confirm-story-delete');

  constructor(deps: DeskFlowDeps) {
    this.#deps = deps;
    this.panel = new StoriesPanel({
      list: () => this.#list(),
      open: (id) => void this.open(id),
      newStory: () => void this.newStory(),
      restore: (id) => this.restore(id),
    });
  }

  /** Shows the story the main process has open now (an import made it a new story). */
  storyOpened(): void {
    this.#deps.storyOpened();
  }

  get elements(): HTMLElement[] {
    return [this.#openDialog.element, this.#confirm.element];
  }

  async newStory(): Promise<void> {
    const title = await this.#deps.storyDialog.askNew();
    if (title === null || !(await this.#deps.leaveEditor())) return;
    const created = await this.#deps.api.createStory({ title });
    if (!created.ok) return this.#deps.status.error(`Not created: ${created.error.message}`);
    this.#deps.storyOpened();
  }

  /** Asks which story to open (type to find), and opens it. */
  async openStory(): Promise<void> {
    const list = await this.#list();
    if (typeof list === 'string') return this.#deps.status.error(list);
    const id = await this.#openDialog.ask(list.stories, list.current);
    if (id !== null && id !== list.current) await this.open(id);
  }

  async open(id: string): Promise<void> {
    if (!(await this.#deps.leaveEditor())) return;
    this.#deps.status.info('Opening the story…');
    const opened = await this.#deps.api.openStory({ id });
    if (!opened.ok) return this.#deps.status.error(`Not opened: ${opened.error.message}`);
    this.#deps.storyOpened();
  }

  async duplicateCurrent(): Promise<void> {
    const list = await this.#list();
    if (typeof list === 'string') return this.#deps.status.error(list);
    const copy = await this.#deps.api.duplicateStory({ id: list.current });
    if (!copy.ok) return this.#deps.status.error(`Not duplicated: ${copy.error.message}`);
    const title = (
      await this.#list().then((after) =>
        typeof after === 'string' ? undefined : after.stories.find((s) => s.id === copy.value.id),
      )
    )?.title;
    this.#deps.status.info(
      title === undefined
        ? 'Duplicated the story'
        : ['Duplicated the story as “', isolated(title), '”'],
    );
    if (this.panel.shown) await this.panel.refresh();
  }

  /** Asks, then moves the open story to the trash and opens the most recent other one. */
  async deleteCurrent(): Promise<void> {
    const list = await this.#list();
    if (typeof list === 'string') return this.#deps.status.error(list);
    const story = list.stories.find((candidate) => candidate.id === list.current);
    if (story === undefined) return;
    if (list.stories.length === 1) {
      return this.#deps.status.error(
        'This is the only story on the desk. Create another story before you delete it.',
      );
    }
    const answer = await this.#confirm.show({
      heading: ['Delete story “', isolated(story.title), '”?'],
      body: [
        'It goes to the trash with its events, sources and backups, and stays there for 30 ' +
          'days: Restore, in the Stories panel, brings it back. The most recent other story opens.',
      ],
      actions: [
        { value: 'cancel', label: 'Cancel' },
        { value: 'delete', label: 'Delete story', className: 'button button--danger' },
      ],
      focus: 'cancel',
    });
    if (answer !== 'delete' || !(await this.#deps.leaveEditor())) return;
    const deleted = await this.#deps.api.deleteStory({ id: story.id });
    if (!deleted.ok) return this.#deps.status.error(`Not deleted: ${deleted.error.message}`);
    this.#deps.storyOpened();
  }

  async restore(id: string): Promise<void> {
    const restored = await this.#deps.api.restoreStory({ id });
    if (!restored.ok) return this.#deps.status.error(`Not restored: ${restored.error.message}`);
    this.#deps.status.info('Restored the story from the trash');
    await this.panel.refresh();
  }

  async #list(): Promise<StoryList | string> {
    const listed = await this.#deps.api.listStories();
    return listed.ok ? listed.value : `The stories could not be listed: ${listed.error.message}`;
  }
}
