/** The one keydown listener: shortcuts from the command registry, and native menu clicks. */
import type { TimelineApi } from '../../../shared/contract';
import { isUserCommandId } from '../../../shared/user-commands';
import { hasTextUndo, isTextEntry } from '../ui/dom';
import type { CommandRegistry } from './registry';

/**
 * Handles shortcuts in the window. Plain keys (Delete) and the text-editing keys of Undo and Redo
 * are left to text fields while one has focus; other modified ones (Ctrl+S) work everywhere.
 * Nothing runs while a modal dialog is open.
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
    if (command.textFieldKeys && hasTextUndo(event.target)) return;
    if (root.querySelector('dialog[open]')) return;
    event.preventDefault();
    void registry.run(command.id);
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}

/**
 * Wires native menu clicks and, where the renderer must handle accelerators, the keyboard.
 * Returns what disconnects both.
 */
export function connectCommandSources(api: TimelineApi, registry: CommandRegistry): () => void {
  const stopMenu = api.onMenuCommand((commandId) => {
    if (!isUserCommandId(commandId)) return;
    // Edit > Undo (and ⌘Z, which the macOS menu takes) in a text field undoes its typing.
    const command = registry.command(commandId);
    if (command.textFieldKeys && hasTextUndo(document.activeElement)) {
      // execCommand is deprecated, but it is still the one way to reach a field's undo stack.
      document.execCommand(commandId === 'undo' ? 'undo' : 'redo');
      return;
    }
    if (document.querySelector('dialog[open]')) return;
    void registry.run(commandId, 'menu');
  });
  // The macOS menu registers its modified accelerators itself but leaves plain keys (Delete) to
  // the page; elsewhere the menu only shows accelerators and the page handles every key.
  const stopKeys = installShortcuts(registry, {
    plainKeysOnly: api.hasNativeMenu && api.platform === 'darwin',
  });
  return () => {
    stopMenu();
    stopKeys();
  };
}
