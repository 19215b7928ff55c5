/**
 * The chronology as newsrooms publish it: a dated list grouped by year and month, each event's
 * date in words, its title, lane, status and certainty, the event it follows up, and its
 * sources as links. Markdown (also the clipboard's plain text) and a standalone HTML page.
 * User text is escaped so that no title, however hostile, can become markup of either.
 */
import { chronologySections } from '../chronology';
import { datesInWords } from '../date-words';
import type { EventId } from '../ids';
import { isHttpUrl, type Lane, type Source, type TimelineEvent } from '../schema';
import { escapeHtml } from './html-text';

export interface ChronologyText {
  readonly title: string;
  readonly lanes: readonly Lane[];
  /** The events to list, in chronology order (inChronologyOrder). */
  readonly events: readonly TimelineEvent[];
  /** The event a follow-up follows up, listed or not. */
  readonly parentOf: (id: EventId) => TimelineEvent | undefined;
}

/**
 * Text that Markdown shows as written inside a paragraph or list item. Line breaks become
 * spaces (a list item is one line here, so nothing can start a block); the characters that
 * open inline markup, HTML, entities or links are escaped with a backslash.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&~|!#]/g, '\\$&');
}

/** A link destination Markdown cannot misread: spaces, brackets and quotes percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(
    /[\s<>()\\`"'[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** "Russia–North Korea relations · scheduled · confirmed". */
function facts(event: TimelineEvent, lanes: readonly Lane[]): string[] {
  const lane = lanes.find((candidate) => candidate.id === event.laneId)?.title ?? 'No lane';
  return [lane, event.status, event.certainty];
}

export function chronologyMarkdown(input: ChronologyText): string {
  const lines: string[] = [`# ${escapeMarkdown(input.title)}`, ''];
  for (const year of chronologySections(input.events)) {
    lines.push(`## ${year.heading}`, '');
    for (const month of year.months) {
      if (month.heading !== null) lines.push(`### ${month.heading}`, '');
      for (const event of month.events) lines.push(...markdownEvent(event, input));
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function markdownEvent(event: TimelineEvent, input: ChronologyText): string[] {
  const when = escapeMarkdown(datesInWords(event.start, event.end));
  const about = facts(event, input.lanes).map(escapeMarkdown).join(' · ');
  const lines = [`- **${when}**: ${escapeMarkdown(event.title)} (${about})`];
  const parent = event.followUpOf === null ? undefined : input.parentOf(event.followUpOf);
  if (parent) {
    const parentWhen = escapeMarkdown(datesInWords(parent.start, parent.end));
    lines.push(`  - Follows up: ${parentWhen}: ${escapeMarkdown(parent.title)}`);
  }
  for (const source of event.sources) lines.push(`  - Source: ${markdownSource(source)}`);
  return lines;
}

function markdownSource(source: Source): string {
  const title = escapeMarkdown(source.title);
  const linked =
    source.url !== null && isHttpUrl(source.url) ? `[${title}](${markdownUrl(source.url)})` : title;
  return source.publisher === '' ? linked : `${linked}, ${escapeMarkdown(source.publisher)}`;
}

export function chronologyHtml(input: ChronologyText): string {
  const title = escapeHtml(input.title);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
  ];
  for (const year of chronologySections(input.events)) {
    out.push('<section>', `<h2>${escapeHtml(year.heading)}</h2>`);
    for (const month of year.months) {
      if (month.heading !== null) out.push(`<h3>${escapeHtml(month.heading)}</h3>`);
      out.push('<ul>', ...month.events.map((event) => htmlEvent(event, input)), '</ul>');
    }
    out.push('</section>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}

function htmlEvent(event: TimelineEvent, input: ChronologyText): string {
  const about = facts(event, input.lanes).map(escapeHtml).join(' · ');
  const details: string[] = [];
  const parent = event.followUpOf === null ? undefined : input.parentOf(event.followUpOf);
  if (parent) {
    details.push(
      `<li>Follows up: ${escapeHtml(datesInWords(parent.start, parent.end))}: ${escapeHtml(parent.title)}</li>`,
    );
  }
  for (const source of event.sources) details.push(`<li>Source: ${htmlSource(source)}</li>`);
  const nested = details.length === 0 ? '' : `<ul>${details.join('')}</ul>`;
  return (
    `<li><strong>${escapeHtml(datesInWords(event.start, event.end))}</strong>: ` +
    `<bdi>${escapeHtml(event.title)}</bdi> (${about})${nested}</li>`
  );
}

function htmlSource(source: Source): string {
  const title = `<bdi>${escapeHtml(source.title)}</bdi>`;
  const linked =
    source.url !== null && isHttpUrl(source.url)
      ? `<a href="${escapeHtml(source.url)}">${title}</a>`
      : title;
  return source.publisher === '' ? linked : `${linked}, ${escapeHtml(source.publisher)}`;
}
