/**
 * Markwhen text (export only), as @markwhen/parser 1.x reads it:
 * - A YAML front matter with the title, the description and `timezone: UTC`, so our calendar
 *   dates and UTC times mean the same instants there.
 * - One Markdown section (`# Lane title`) per lane that has events, the events in date order.
 * - Each event is `<date or range>: <title> #tag …`, then its status, certainty, location and
 *   actors as event properties, then the description and the sources as a list.
 * - Dates: 2024, 2024-06, 2024-06-16, `2024-06-16 09:30` (UTC), ranges `start / end`. Markwhen
 *   has no seconds in that form, so a range with a second-precision date is written as ISO
 *   instants `2024-06-16T09:30:15Z - …`. Calendar dates cover their whole period, times are
 *   instants, as Markwhen reads them (see period-end.ts).
 * - Tags are letters, digits and _ in Markwhen: others become _, and a tag with nothing left
 *   is left out. Where our text would read as Markwhen syntax (a #tag, a date and colon at the
 *   start of a line, a heading, a comment, a property, a [link](location)), a zero-width space
 *   breaks the pattern; the text reads the same.
 */
import { comparePartialDates, mustParse, type PartialDate } from '../partial-date';
import type { Lane, Source, TimelineDocument, TimelineEvent } from '../schema';
import { endInstant } from './period-end';

const BREAK = '\u200B';

export function toMarkwhen(doc: TimelineDocument): string {
  const lines = [
    '---',
    `title: ${yamlString(doc.timeline.title)}`,
    ...(doc.timeline.description === ''
      ? []
      : [`description: ${yamlString(doc.timeline.description)}`]),
    'timezone: UTC',
    '---',
  ];
  for (const lane of doc.lanes) {
    const events = doc.events
      .filter((event) => event.laneId === lane.id)
      .sort((a, b) => comparePartialDates(a.start, b.start));
    if (events.length === 0) continue;
    lines.push('', sectionLine(lane));
    for (const event of events) lines.push('', ...eventLines(event));
  }
  return `${lines.join('\n')}\n`;
}

function sectionLine(lane: Lane): string {
  return `# ${inline(lane.title)}`;
}

function eventLines(event: TimelineEvent): string[] {
  const tags = markwhenTags(event.tags).map((tag) => ` #${tag}`);
  const properties = [
    `status: ${event.status}`,
    `certainty: ${event.certainty}`,
    ...(event.location === '' ? [] : [`location: ${yamlString(event.location)}`]),
    ...(event.actors.length === 0 ? [] : [`actors: [${event.actors.map(yamlString).join(', ')}]`]),
  ];
  const description =
    event.description === '' ? [] : event.description.split(/\r\n|[\r\n\u2028\u2029]/);
  return [
    `${markwhenRange(event.start, event.end)}: ${inline(event.title)}${tags.join('')}`,
    ...properties,
    ...description.map(textLine),
    ...(description.length > 0 && event.sources.length > 0 ? [''] : []),
    ...sourceLines(event.sources),
  ];
}

function sourceLines(sources: readonly Source[]): string[] {
  if (sources.length === 0) return [];
  const items = sources.map((source) => {
    const parts = [source.title, source.publisher, source.published ?? ''].filter((p) => p !== '');
    const link = source.url === null ? '' : ` ${source.url}`;
    // The break keeps "- June 5, …: https…" from reading as a date range; the URL stays whole.
    return `- ${BREAK}${inline(parts.join(', '))}${link}`;
  });
  return ['Sources', ...items];
}

/** The date part of an event line. */
export function markwhenRange(start: PartialDate, end: PartialDate | null): string {
  const from = mustParse(start);
  const to = end === null ? null : mustParse(end);
  if (from.precision === 'second' || to?.precision === 'second') {
    if (to === null) return isoInstant(from.earliest);
    return `${isoInstant(from.earliest)} - ${isoInstant(endInstant(from, to))}`;
  }
  return to === null ? edtfDate(start) : `${edtfDate(start)} / ${edtfDate(end ?? start)}`;
}

function edtfDate(date: PartialDate): string {
  const parsed = mustParse(date);
  if (parsed.precision !== 'minute') return date;
  return new Date(parsed.earliest).toISOString().slice(0, 16).replace('T', ' ');
}

function isoInstant(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

/** Our tags as Markwhen spells tags (ASCII letters, digits and _), without repeats. */
export function markwhenTags(tags: readonly string[]): string[] {
  const spelled = tags
    .map((tag) =>
      tag
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/\W+/g, '_')
        .replace(/^_+|_+$/g, ''),
    )
    .filter((tag) => tag !== '')
    .map((tag) => (/^\d+$/.test(tag) ? `_${tag}` : tag));
  return [...new Set(spelled)];
}

/**
 * Text within a line, with a zero-width space wherever Markwhen would read syntax:
 * #tag, !id and .start/.end references, [..](location) links, 50% progress, and at the start
 * an [x] checkbox or a // comment. Unicode line separators would end the line: they become spaces.
 */
function inline(text: string): string {
  return text
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(/(^|\s)#/g, `$1#${BREAK}`)
    .replace(/(^|\W)(!(?=\w)|\.(?=start|end))/g, `$1$2${BREAK}`)
    .replace(/\]\(/g, `]${BREAK}(`)
    .replace(/(\d)%/g, `$1${BREAK}%`)
    .replace(/^\s*(\[|\/\/)/, (match) => `${BREAK}${match}`);
}

// A line Markwhen would read as an event (they all have a colon), heading, comment, property,
// image or front matter.
const SYNTAX_LINE = /:|^\s*(#|\/\/|---|!\[)/;
const LIST_ITEM = /^\s*- /;

/**
 * A description line: inline syntax broken, and a line that could start syntax made plain text.
 * A list item ("- 3 days: …" is a relative date range to Markwhen) stays a list item: the
 * break goes after its dash.
 */
function textLine(line: string): string {
  const text = inline(line);
  if (!SYNTAX_LINE.test(text)) return text;
  const item = LIST_ITEM.exec(text)?.[0] ?? '';
  return `${item}${BREAK}${text.slice(item.length)}`;
}

/**
 * A YAML double-quoted string. JSON's escapes are YAML's; `#` is escaped too, because the
 * parser rewrites `#word` in the header before YAML reads it, and so are characters YAML may
 * not hold unescaped (JSON already escapes lone surrogates).
 */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(
    /[#\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
