/**
 * The renderer's half of the user-command registry: what each command in USER_COMMANDS does and
 * when it is enabled. Toolbar buttons, keyboard shortcuts and native menu clicks all run here.
 */
import {
  chordOf,
  describeAccelerator,
  type KeyChord,
  matchesChord,
  USER_COMMANDS,
  type UserCommandId,
  type UserCommandSpec,
} from '../../../shared/user-commands';

/** A key or click in the window, or a click in the native menu (which the page did not see). */
export type CommandSource = 'window' | 'menu';

export interface CommandAction {
  /** `source` says where the command came from: a native menu click is no user gesture. */
  perform(source: CommandSource): void | Promise<void>;
  enabled(): boolean;
  /** What the button's tooltip names instead of the label, e.g. "Undo Move event". */
  describe?(): string;
  /** For a button that stays pressed (the view switch): whether it is now. */
  pressed?(): boolean;
}

export type CommandActions = Readonly<Record<UserCommandId, CommandAction>>;

export interface RegisteredCommand extends UserCommandSpec {
  readonly id: UserCommandId;
  readonly chord: KeyChord;
  /** The shortcut as the user reads it, e.g. "Ctrl+Shift+N" or "⌘⇧N". */
  readonly shortcut: string;
  /** True when the shortcut has a modifier, so it works even while typing in a field. */
  readonly modified: boolean;
  /** True when a text field's own meaning of the keys wins while it has focus (Ctrl+Z). */
  readonly textFieldKeys: boolean;
  /** Further shortcuts that run the command, e.g. Ctrl+Y for Redo on Windows and Linux. */
  readonly extraChords: readonly KeyChord[];
}

/** Undo and Redo in a text field undo its typing, as everywhere else on the desktop. */
const TEXT_FIELD_COMMANDS: ReadonlySet<UserCommandId> = new Set(['undo', 'redo']);

function extraAccelerators(id: UserCommandId, isMac: boolean): string[] {
  return id === 'redo' && !isMac ? ['Ctrl+Y'] : [];
}

type KeyLike = Parameters<typeof matchesChord>[0];

export class CommandRegistry {
  readonly commands: readonly RegisteredCommand[];
  readonly #actions: CommandActions;
  readonly #onError: (error: unknown) => void;
  readonly #listeners = new Set<() => void>();

  constructor(actions: CommandActions, isMac: boolean, onError: (error: unknown) => void) {
    this.#actions = actions;
    this.#onError = onError;
    this.commands = USER_COMMANDS.map((spec) => {
      const chord = chordOf(spec.accelerator, isMac);
      return {
        ...spec,
        chord,
        shortcut: spec.accelerator === '' ? '' : describeAccelerator(spec.accelerator, isMac),
        modified: chord.ctrl || chord.meta || chord.alt,
        textFieldKeys: TEXT_FIELD_COMMANDS.has(spec.id),
        extraChords: extraAccelerators(spec.id, isMac).map((extra) => chordOf(extra, isMac)),
      };
    });
  }

  command(id: UserCommandId): RegisteredCommand {
    const found = this.commands.find((command) => command.id === id);
    if (!found) throw new Error(`Unknown user command ${id}`);
    return found;
  }

  isEnabled(id: UserCommandId): boolean {
    return this.#actions[id].enabled();
  }

  /** Whether a toggle command's button is pressed; undefined for a plain command. */
  isPressed(id: UserCommandId): boolean | undefined {
    return this.#actions[id].pressed?.();
  }

  /** The tooltip of a command's button: what it would do, and its shortcut. */
  tooltip(id: UserCommandId): string {
    const command = this.command(id);
    const what = this.#actions[id].describe?.() ?? command.label;
    return command.shortcut === '' ? what : `${what} (${command.shortcut})`;
  }

  /** Runs a command if it is enabled; failures are reported, never thrown at the caller. */
  async run(id: UserCommandId, source: CommandSource = 'window'): Promise<void> {
    if (!this.isEnabled(id)) return;
    try {
      await this.#actions[id].perform(source);
    } catch (error) {
      this.#onError(error);
    }
  }

  /** The command whose shortcut a key press matches, if any. */
  commandForKey(event: KeyLike): RegisteredCommand | undefined {
    return this.commands.find(
      (command) =>
        (command.accelerator !== '' && matchesChord(event, command.chord)) ||
        command.extraChords.some((chord) => matchesChord(event, chord)),
    );
  }

  /** Tells listeners (the toolbar) that enabled states may have changed. */
  refresh(): void {
    for (const listener of this.#listeners) listener();
  }

  onRefresh(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
