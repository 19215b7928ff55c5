/**
 * Restore backup: a dialog lists the backups the main process keeps (newest first, times in the
 * user's locale and zone) and restores the one chosen. The restore is one undoable change.
 */
import type { BackupInfo, Change, TimelineApi } from '../../../shared/contract';
import type { SaveTracker } from '../state/save-state';
import { el } from '../ui/dom';
import { Modal, type ModalContent } from '../ui/modal';
import type { StatusLine } from '../ui/status-line';

export interface RestoreDeps {
  readonly api: TimelineApi;
  readonly status: StatusLine;
  readonly saves: SaveTracker;
  /** Saves the editor's edits first; false when they cannot be saved and the restore must wait. */
  leaveEditor(): Promise<boolean>;
  onRestored(change: Change, message: string): void;
}

const HEADING = 'Restore backup';
const RADIO_NAME = 'backup';
const close = { value: 'close', label: 'Close', className: 'button button--primary' };

export class RestoreFlow {
  readonly element: HTMLDialogElement;
  readonly #deps: RestoreDeps;
  readonly #dialog = new Modal('restore-dialog');

  constructor(deps: RestoreDeps) {
    this.#deps = deps;
    this.element = this.#dialog.element;
  }

  async open(): Promise<void> {
    const { api, status } = this.#deps;
    const listed = await api.listBackups();
    if (!listed.ok) {
      await this.#dialog.show(message(listed.error.message, 'alert'));
      return;
    }
    if (listed.value.length === 0) {
      await this.#dialog.show(message('There are no backups yet.', 'status'));
      return;
    }
    const backups = [...listed.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const list = backupList(backups);
    const answer = await this.#dialog.show({
      heading: HEADING,
      body: [
        el('p', {
          className: 'dialog-body',
          text: 'Restoring replaces the timeline with the backup you choose. Undo brings it back.',
        }),
        list.element,
      ],
      actions: [
        { value: 'cancel', label: 'Cancel' },
        { value: 'restore', label: 'Restore', className: 'button button--primary' },
      ],
      focusElement: list.first,
    });
    const chosen = backups.find((backup) => backup.id === list.chosen());
    if (answer !== 'restore' || !chosen) return;
    if (!(await this.#deps.leaveEditor())) return;
    const restored = await this.#deps.saves.track(api.restoreBackup({ id: chosen.id }));
    if (!restored.ok) {
      status.info('Not restored');
      status.error(`Restore failed: ${restored.error.message}`);
      return;
    }
    this.#deps.onRestored(restored.value, `Restored the backup of ${localTime(chosen.createdAt)}`);
  }
}

function message(text: string, role: 'alert' | 'status'): ModalContent {
  return {
    heading: HEADING,
    body: [el('p', { className: 'dialog-body', text, attrs: { role } })],
    actions: [close],
  };
}

/** One radio button per backup; the newest is chosen to start with. */
function backupList(backups: readonly BackupInfo[]): {
  element: HTMLElement;
  first: HTMLInputElement | undefined;
  chosen(): string | undefined;
} {
  const radios = backups.map((backup, index) =>
    el('input', {
      className: 'backup-radio',
      attrs: { type: 'radio', name: RADIO_NAME, value: backup.id, checked: index === 0 },
    }),
  );
  const rows = backups.map((backup, index) =>
    el('label', { className: 'backup-row' }, [
      radios[index],
      el('span', { className: 'backup-time', text: localTime(backup.createdAt) }),
      el('span', { className: 'backup-count', text: eventCount(backup.eventCount) }),
      el('span', { className: 'backup-size', text: size(backup.sizeBytes) }),
    ]),
  );
  const element = el('fieldset', { className: 'backup-list' }, [
    el('legend', { className: 'visually-hidden', text: 'Backups, newest first' }),
    ...rows,
  ]);
  return {
    element,
    first: radios[0],
    chosen: () => radios.find((radio) => radio.checked)?.value,
  };
}

function localTime(iso: string): string {
  // Seconds too: backups a few minutes apart must not read alike.
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(iso),
  );
}

function eventCount(n: number): string {
  return n === 1 ? '1 event' : `${n} events`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
