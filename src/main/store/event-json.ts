/**
 * Each event's compact JSON, kept for as long as the event object lives. Events are immutable
 * values (a change replaces the object), so a string never goes stale: a write or an export
 * stringifies only the events that changed since the last one.
 */
import type { TimelineEvent } from '../../shared/schema';
import { stepEnds } from '../../shared/steps';
import { createSlicer } from '../time-slices';

export class EventJsonCache {
  readonly #json = new WeakMap<TimelineEvent, string>();

  /** The event as JSON.stringify writes it. */
  of(event: TimelineEvent): string {
    let text = this.#json.get(event);
    if (text === undefined) {
      text = JSON.stringify(event);
      this.#json.set(event, text);
    }
    return text;
  }

  /**
   * Takes texts known to be JSON.stringify of the events at the same index (undefined where
   * not known), in slices.
   */
  async adopt(
    events: readonly TimelineEvent[],
    texts: readonly (string | undefined)[],
  ): Promise<void> {
    const slicer = createSlicer();
    for (let i = 0; i < events.length; i++) {
      const text = texts[i];
      if (text !== undefined) this.#json.set(events[i] as TimelineEvent, text);
      if (stepEnds(i)) await slicer.pause();
    }
  }

  /** The JSON of every event, in order; events not seen before are stringified in slices. */
  async all(events: readonly TimelineEvent[]): Promise<string[]> {
    const slicer = createSlicer();
    const texts = new Array<string>(events.length);
    for (let i = 0; i < events.length; i++) {
      texts[i] = this.of(events[i] as TimelineEvent);
      if (stepEnds(i)) await slicer.pause();
    }
    return texts;
  }
}
