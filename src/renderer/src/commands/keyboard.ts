/** The one keydown listener: shortcuts from the command registry, and native menu clicks. */
import type { TimelineApi } from '../../../shared/contract';
import { isUserCommandId } from '../../../shared/user-commands';
import { isTextEntry } from '../ui/dom';
import type { CommandRegistry } from './registry';

/**
 * Handles shortcuts in the window. Plain keys (Delete) are left to text fields while one has
 * focus; modified ones (Ctrl+S) work everywhere. Nothing runs while a modal dialog is open.
 */
export function installShortcuts(
  registry: CommandRegistry,
  { plainKeysOnly = false, root = document }: { plainKeysOnly?: boolean; root?: Document } = {},
): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const command = registry.commandForKey(event);
    if (!command || (plainKeysOnly && command.modified)) return;
    if (!command.modified && isTextEntry(event.target)) return;
    if (root.querySelector('dialog[open]')) return;
    event.preventDefault();
    void registry.run(command.id);
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}

/** Wires native menu clicks and, where the renderer must handle accelerators, the keyboard. */
export function connectCommandSources(api: TimelineApi, registry: CommandRegistry): void {
  api.onMenuCommand((commandId) => {
    if (isUserCommandId(commandId)) void registry.run(commandId);
  });
  // The macOS menu registers its modified accelerators itself but leaves plain keys (Delete) to
  // the page; elsewhere the menu only shows accelerators and the page handles every key.
  installShortcuts(registry, { plainKeysOnly: api.hasNativeMenu && api.platform === 'darwin' });
}
