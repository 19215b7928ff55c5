/**
 * TimelineJS details (issue 17, part 4) on TimelineJS's own example files (test/fixtures/
 * timelinejs/SOURCE.md) and on slides written as spreadsheets and other tools write them.
 */
import { describe, expect, it } from 'vitest';

import { importContext } from '../../../test/builders';
import allMediaTypes from '../../../test/fixtures/timelinejs/all-media-types.json?raw';
import withEras from '../../../test/fixtures/timelinejs/eras.json?raw';
import type { TimelineEvent } from '../schema';
import { parseImport } from './index';

function imported(text: string): { events: TimelineEvent[]; notes: readonly string[] } {
  const result = parseImport(text, 'story.json', importContext());
  if (!result.ok) throw new Error(result.error.message);
  return { events: result.value.document.events, notes: result.value.notes ?? [] };
}

function slide(fields: Record<string, unknown>): string {
  return JSON.stringify({
    events: [{ start_date: { year: '2024', month: '6', day: '19' }, ...fields }],
  });
}

describe('TimelineJS details', () => {
  it('reads all of TimelineJS’s media example: embeds given as HTML become quotes, and says so', () => {
    const { events, notes } = imported(allMediaTypes);
    expect(events).toHaveLength(JSON.parse(allMediaTypes).events.length);
    const sources = events.flatMap((event) => event.sources);
    // The tweet's blockquote: its words as the quote, linked to the tweet.
    const tweet = sources.find((source) =>
      source.quote.includes('2018 will be the year of the dog'),
    );
    expect(tweet?.url).toMatch(/^https:\/\/twitter\.com\//);
    // A blockquote with no link is a quote without a URL.
    expect(sources.find((source) => source.quote === 'This is a block quote.')?.url).toBeNull();
    expect(notes).toContain(
      "2 media embeds (tweets, iframes, quotes) are kept as a source's quote",
    );
    expect(notes).toContain('1 media embed with no text or link is not kept');
  });

  it('keeps the eras, and no longer says they are not kept (timelinejs-eras.test.ts)', () => {
    expect(imported(withEras).notes.filter((note) => /era/.test(note))).toEqual([]);
  });

  it('reads a blank end date as no end, as TimelineJS shows it', () => {
    const [event] = imported(
      slide({
        end_date: { year: '', month: '', day: '', hour: '', minute: '' },
        text: { headline: 'Putin arrives' },
      }),
    ).events;
    expect(event?.end).toBeNull();
    // A half-blank end date is still refused at its place.
    const half = parseImport(
      slide({ end_date: { year: '', month: '6' }, text: { headline: 'x' } }),
      'story.json',
      importContext(),
    );
    expect(half.ok ? '' : half.error.message).toBe('events[0].end_date.year: is missing');
  });

  it('makes a protocol-relative media URL https', () => {
    const [event] = imported(
      slide({ media: { url: '//example.org/photo.jpg', credit: 'KCNA' }, text: { headline: 'x' } }),
    ).events;
    expect(event?.sources.map((source) => [source.url, source.publisher])).toEqual([
      ['https://example.org/photo.jpg', 'KCNA'],
    ]);
  });

  it('says which media links it drops', () => {
    const { events, notes } = imported(
      slide({ media: { url: 'images/photo.jpg' }, text: { headline: 'x' } }),
    );
    expect(events[0]?.sources).toEqual([]);
    expect(notes).toEqual(['1 media link that is not a web address (http or https) is not kept']);
  });

  it('keeps a slide’s location as the event’s location', () => {
    const located = (location: unknown) =>
      imported(slide({ location, text: { headline: 'x' } })).events[0]?.location;
    expect(located({ name: 'Pyongyang', lat: 39.0392, lon: 125.7625 })).toBe(
      'Pyongyang (39.0392, 125.7625)',
    );
    expect(located({ name: '<b>Hanoi</b>' })).toBe('Hanoi');
    expect(located({ lat: '21.0278', lon: '105.8342' })).toBe('21.0278, 105.8342');
    expect(located('Hanoi')).toBe('');
  });
});
