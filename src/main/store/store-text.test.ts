import { describe, expect, it } from 'vitest';

import { generateTimeline } from '../../../bench/generate';
import { makeDocument, makeEvent } from '../../../test/builders';
import { EventJsonCache } from './event-json';
import { storeTextParts } from './store-text';

describe('the store text', () => {
  it("is exactly JSON.stringify of the document, made of each event's JSON", async () => {
    const doc = generateTimeline(1500);
    const parts = await storeTextParts(doc, new EventJsonCache());
    expect(parts.join('')).toBe(JSON.stringify(doc));
    expect(parts.filter((part) => part !== ',')).toHaveLength(doc.events.length + 2);
  });

  it('is exactly JSON.stringify for no events, one event and text that JSON escapes', async () => {
    const json = new EventJsonCache();
    const tricky = makeEvent({ title: 'Quote " backslash \\ tab\u00a0 \u2028 Пхеньян 평양 😀' });
    for (const doc of [makeDocument(), makeDocument({ events: [tricky] })]) {
      expect((await storeTextParts(doc, json)).join('')).toBe(JSON.stringify(doc));
    }
  });

  it("keeps each event's JSON while the event lives, and makes a changed event's anew", async () => {
    const json = new EventJsonCache();
    const event = makeEvent();
    const first = json.of(event);
    expect(json.of(event)).toBe(first);
    const changed = { ...event, title: 'Changed' };
    expect(json.of(changed)).toBe(JSON.stringify(changed));
    expect(await json.all([event, changed])).toEqual([first, JSON.stringify(changed)]);
  });
});
