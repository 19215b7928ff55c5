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

export interface CommandAction {
  perform(): void | Promise<void>;
  enabled(): boolean;
}

export type CommandActions = Readonly<Record<UserCommandId, CommandAction>>;

export interface RegisteredCommand extends UserCommandSpec {
  readonly id: UserCommandId;
  readonly chord: KeyChord;
  /** The shortcut as the user reads it, e.g. "Ctrl+Shift+N" or "⌘⇧N". */
  readonly shortcut: string;
  /** True when the shortcut has a modifier, so it works even while typing in a field. */
  readonly modified: boolean;
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
        shortcut: describeAccelerator(spec.accelerator, isMac),
        modified: chord.ctrl || chord.meta || chord.alt,
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

  /** Runs a command if it is enabled; failures are reported, never thrown at the caller. */
  async run(id: UserCommandId): Promise<void> {
    if (!this.isEnabled(id)) return;
    try {
      await this.#actions[id].perform();
    } catch (error) {
      this.#onError(error);
    }
  }

  /** The command whose shortcut a key press matches, if any. */
  commandForKey(event: KeyLike): RegisteredCommand | undefined {
    return this.commands.find((command) => matchesChord(event, command.chord));
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
