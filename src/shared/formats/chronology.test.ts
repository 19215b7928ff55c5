import { describe, expect, it } from 'vitest';

import { makeEvent, makeLane } from '../../../test/builders';
import { inChronologyOrder } from '../chronology';
import type { EventId, LaneId } from '../ids';
import type { PartialDate } from '../partial-date';
import type { TimelineEvent } from '../schema';
import {
  chronologyHtml,
  chronologyMarkdown,
  type ChronologyText,
  escapeMarkdown,
} from './chronology';
import { readHtml } from './html-text';

const lanes = [
  makeLane({ id: 'lane-a' as LaneId, title: 'Russia–North Korea relations' }),
  makeLane({ id: 'lane-b' as LaneId, title: 'War in Ukraine' }),
];

function input(events: TimelineEvent[], title = 'Putin in Pyongyang'): ChronologyText {
  const byId = new Map(events.map((event) => [event.id, event]));
  return {
    title,
    lanes,
    events: inChronologyOrder(events),
    parentOf: (id: EventId) => byId.get(id),
  };
}

const invasion = makeEvent({
  title: 'Russia invades Ukraine',
  start: '2022-02-24' as PartialDate,
  laneId: 'lane-b' as LaneId,
  status: 'occurred',
  certainty: 'confirmed',
});
const visit = makeEvent({
  title: "Putin's state visit to North Korea",
  start: '2024-06-18T09:30Z' as PartialDate,
  status: 'scheduled',
  certainty: 'confirmed',
  followUpOf: invasion.id,
  sources: [
    {
      title: 'Kremlin announcement',
      url: 'https://example.org/kremlin (1)',
      publisher: 'Reuters',
      published: null,
      quote: '',
      language: 'en',
    },
    { title: 'KCNA', url: null, publisher: '', published: null, quote: '', language: '' },
  ],
});

describe('the chronology in Markdown', () => {
  it('lists events by year and month with dates in words and sources as links', () => {
    expect(chronologyMarkdown(input([visit, invasion]))).toBe(
      [
        '# Putin in Pyongyang',
        '',
        '## 2022',
        '',
        '### February 2022',
        '',
        '- **24 February 2022**: Russia invades Ukraine (War in Ukraine · occurred · confirmed)',
        '',
        '## 2024',
        '',
        '### June 2024',
        '',
        "- **18 June 2024, 09:30 UTC**: Putin's state visit to North Korea (Russia–North Korea relations · scheduled · confirmed)",
        '  - Follows up: 24 February 2022: Russia invades Ukraine',
        '  - Source: [Kremlin announcement](https://example.org/kremlin%20%281%29), Reuters',
        '  - Source: KCNA',
        '',
      ].join('\n'),
    );
  });

  it.each([
    '*bold* _it_ `code` ~~gone~~',
    '[click](javascript:alert(1))',
    '<script>alert(1)</script>',
    '![img](https://evil.example/x.png)',
    'Tom & Jerry &amp; co | a \\ b # c',
    'line one\n# Heading\n- item',
  ])('escapes a hostile title so it stays text: %s', (title) => {
    const markdown = chronologyMarkdown(input([makeEvent({ title })], title));
    const line = markdown.split('\n').find((text) => text.startsWith('- **'))!;
    const shown = line.slice(line.indexOf(': ') + 2, line.lastIndexOf(' ('));
    // Every markup character is escaped, and unescaping gives the title back (newlines as spaces).
    expect(shown).not.toMatch(/(^|[^\\])(\\\\)*[*_`~[\]<>&|!#]/);
    expect(shown.replace(/\\(.)/g, '$1')).toBe(title.replace(/\s+/g, ' '));
    expect(markdown.split('\n')[0]).toBe(`# ${escapeMarkdown(title)}`);
    expect(markdown.split('\n').filter((text) => text.startsWith('#'))).toHaveLength(3);
  });

  it('links only http and https sources, with brackets in the address encoded', () => {
    const event = makeEvent({
      sources: [
        {
          title: 'x](javascript:alert(1)) [y',
          url: 'https://example.org/a)b',
          publisher: '',
          published: null,
          quote: '',
          language: '',
        },
      ],
    });
    const markdown = chronologyMarkdown(input([event]));
    expect(markdown).toContain(
      '  - Source: [x\\](javascript:alert(1)) \\[y](https://example.org/a%29b)',
    );
  });
});

describe('the chronology in HTML', () => {
  it('is a page of year and month headings with the events as a list and sources as links', () => {
    const html = chronologyHtml(input([visit, invasion]));
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<h1>Putin in Pyongyang</h1>');
    expect(html).toContain('<h2>2024</h2>\n<h3>June 2024</h3>');
    expect(html).toContain(
      '<li><strong>18 June 2024, 09:30 UTC</strong>: <bdi>Putin&#39;s state visit to North Korea</bdi>',
    );
    const reading = readHtml(html);
    expect(reading.links).toEqual([
      { href: 'https://example.org/kremlin (1)', text: 'Kremlin announcement' },
    ]);
    expect(reading.text).toContain('Follows up: 24 February 2022: Russia invades Ukraine');
  });

  it('shows hostile text as text', () => {
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & \'single\'';
    const event = makeEvent({
      title,
      sources: [
        {
          title: '<b>x</b>',
          url: 'https://example.org/?a="><script>',
          publisher: '<i>p</i>',
          published: null,
          quote: '',
          language: '',
        },
      ],
    });
    const html = chronologyHtml(input([event], title));
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    const reading = readHtml(html);
    expect(reading.text).toContain(title);
    expect(reading.links).toEqual([
      { href: 'https://example.org/?a="><script>', text: '<b>x</b>' },
    ]);
  });
});
