/**
 * A toolbar panel that lists things and edits one of them at a time (Lanes, Eras): which edit
 * is open, and Escape leaving the edit before the panel (ToolbarPanel has the popover). Each
 * panel draws itself (`render`) and says where the focus goes when an edit is left.
 */
import { el } from './dom';
import { panelButton, ToolbarPanel } from './toolbar-popover';

export abstract class EditingPanel<Editing> extends ToolbarPanel {
  /** The edit open in the panel (a form in place of a row or button), if any. */
  protected editing: Editing | null = null;

  protected opened(): void {
    this.show(null, null);
  }

  protected override closed(): void {
    this.editing = null;
  }

  /** Escape leaves an edit first, then the panel. */
  protected override escaped(): boolean {
    if (this.editing === null) return false;
    this.show(null, this.focusAfter(this.editing));
    return true;
  }

  /** Opens `editing` (or none) and draws the panel, the focus on the control named `focus`. */
  protected show(editing: Editing | null, focus: string | null): void {
    this.editing = editing;
    this.render(focus);
  }

  /**
   * Fills the panel: its heading `title` with Close, then `content`; the focus goes to the
   * control whose data-focus is `focus`.
   */
  protected fill(title: string, content: readonly HTMLElement[], focus: string | null): void {
    this.panel.replaceChildren(
      el('div', { className: 'lanes-panel-head' }, [
        el('h2', { className: 'lanes-panel-title', text: title }),
        panelButton('Close', 'button button--quiet', {}, () => this.close()),
      ]),
      ...content,
    );
    const target =
      focus === null ? null : this.panel.querySelector<HTMLElement>(`[data-focus="${focus}"]`);
    target?.focus();
  }

  /** An edit form's buttons: `action` submits it; Cancel leaves the edit. */
  protected formButtons(action: string): HTMLElement[] {
    return [
      el('button', {
        className: 'button button--primary',
        text: action,
        attrs: { type: 'submit' },
      }),
      panelButton('Cancel', 'button button--quiet', {}, () => {
        if (this.editing) this.show(null, this.focusAfter(this.editing));
      }),
    ];
  }

  /** Draws the panel's content (with `fill`), the focus on the control named `focus`. */
  protected abstract render(focus?: string | null): void;

  /** The data-focus of the control the focus goes back to when `editing` is left. */
  protected abstract focusAfter(editing: Editing): string;
}
