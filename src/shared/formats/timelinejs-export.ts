/** TimelineJS export: the slides, and the pieces of them that import compares against. */
import {
  formatPartialDate,
  mustParse,
  type PartialDate,
  partialDateFromInstant,
} from '../partial-date';
import {
  type Era,
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  type Source,
  type TimelineDocument,
  type TimelineEvent,
  type TimelineInfo,
} from '../schema';
import { escapeHtml } from './html-text';

/** The key, on the document and on each slide, of what only Timeline Desk reads. */
export const TIMELINE_DESK_KEY = 'timeline_desk';

export interface TimelineJsDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  readonly second?: number;
  readonly display_date?: string;
}

export interface TimelineJsText {
  readonly headline: string;
  readonly text: string;
}

export interface TimelineJsEvent {
  readonly unique_id: string;
  readonly start_date: TimelineJsDate;
  readonly end_date?: TimelineJsDate;
  readonly text: TimelineJsText;
  readonly group: string;
  readonly timeline_desk: TimelineEvent;
}

export interface TimelineDeskExtra {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  readonly timeline: TimelineInfo;
  readonly lanes: readonly Lane[];
}

export interface TimelineJsDocument {
  readonly title: { readonly text: TimelineJsText };
  readonly events: readonly TimelineJsEvent[];
  /** Written only when the story has eras. */
  readonly eras?: readonly TimelineJsEra[];
  readonly timeline_desk: TimelineDeskExtra;
}

export function toTimelineJs(doc: TimelineDocument): TimelineJsDocument {
  const laneTitles = new Map(doc.lanes.map((lane) => [lane.id, lane.title]));
  return {
    title: { text: timelineText(doc.timeline) },
    events: doc.events.map((event) => toTimelineJsEvent(event, laneTitles.get(event.laneId) ?? '')),
    ...(doc.eras.length === 0 ? {} : { eras: doc.eras.map(toTimelineJsEra) }),
    timeline_desk: {
      format: FORMAT,
      version: FORMAT_VERSION,
      timeline: doc.timeline,
      lanes: doc.lanes,
    },
  };
}

/** An era as TimelineJS reads one; `unique_id` keeps its id through a round trip. */
export interface TimelineJsEra {
  readonly unique_id: string;
  readonly start_date: TimelineJsDate;
  readonly end_date: TimelineJsDate;
  readonly text: TimelineJsText;
  /** The era as it is, for what the visible fields cannot say exactly (spaces, time zones). */
  readonly timeline_desk: Era;
}

export function toTimelineJsEra(era: Era): TimelineJsEra {
  const start = toTimelineJsDate(era.start);
  const end = toTimelineJsDate(era.end);
  // TimelineJS drops an end whose parts equal its start's, then refuses the era: "June 2024 to
  // June 2024" is written as 1 to 30 June (import takes the era's own dates from timeline_desk).
  const one = sameParts(start, end);
  return {
    unique_id: era.id,
    start_date: one ? finer(era.start, 'earliest') : start,
    end_date: one ? finer(era.end, 'latest') : end,
    text: { headline: escapeHtml(era.title), text: '' },
    timeline_desk: era,
  };
}

function sameParts(a: TimelineJsDate, b: TimelineJsDate): boolean {
  const parts = (date: TimelineJsDate) =>
    [date.year, date.month, date.day, date.hour, date.minute, date.second].join();
  return parts(a) === parts(b);
}

/** The first or last moment of a date's period, one precision finer: 2024-06 → 30 June 2024. */
function finer(date: PartialDate, end: 'earliest' | 'latest'): TimelineJsDate {
  const parsed = mustParse(date);
  const instant = end === 'earliest' ? parsed.earliest : parsed.latestExclusive - 1;
  return toTimelineJsDate(partialDateFromInstant(instant, FINER[parsed.precision]));
}

const FINER = {
  year: 'day',
  month: 'day',
  day: 'minute',
  minute: 'second',
  second: 'second',
} as const;

/** Pretty JSON (two spaces, trailing newline), as TimelineJS loads it from a file or a URL. */
export function toTimelineJsText(doc: TimelineDocument): string {
  return `${JSON.stringify(toTimelineJs(doc), null, 2)}\n`;
}

export function timelineText(info: TimelineInfo): TimelineJsText {
  return { headline: escapeHtml(info.title), text: textHtml(info.description) };
}

export function toTimelineJsEvent(event: TimelineEvent, laneTitle: string): TimelineJsEvent {
  return {
    unique_id: event.id,
    start_date: toTimelineJsDate(event.start),
    ...(event.end === null ? {} : { end_date: toTimelineJsDate(event.end) }),
    text: {
      headline: escapeHtml(event.title),
      text: textHtml(event.description) + sourcesHtml(event.sources),
    },
    group: groupLabel(laneTitle),
    timeline_desk: event,
  };
}

/** The lane title as `group`: TimelineJS decodes it once, then shows it as HTML. */
export function groupLabel(laneTitle: string): string {
  return escapeHtml(escapeHtml(laneTitle));
}

export function toTimelineJsDate(date: PartialDate): TimelineJsDate {
  const parsed = mustParse(date);
  const at = new Date(parsed.earliest);
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + 1;
  const day = at.getUTCDate();
  switch (parsed.precision) {
    case 'year':
      return { year };
    case 'month':
      return { year, month };
    case 'day':
      return { year, month, day };
    case 'minute':
    case 'second': {
      const time = { hour: at.getUTCHours(), minute: at.getUTCMinutes() };
      const second = parsed.precision === 'second' ? { second: at.getUTCSeconds() } : {};
      const display = formatPartialDate(partialDateFromInstant(parsed.earliest, parsed.precision));
      return { year, month, day, ...time, ...second, display_date: display };
    }
  }
}

/** Plain text as the HTML TimelineJS shows: escaped, one <br> per line break. */
export function textHtml(text: string): string {
  return text === '' ? '' : `<p>${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')}</p>`;
}

/** The sources as a list after the description; empty when there are none. */
export function sourcesHtml(sources: readonly Source[]): string {
  if (sources.length === 0) return '';
  const items = sources.map((source) => `<li>${sourceHtml(source)}</li>`).join('');
  return `<p>Sources:</p><ul class="timeline-desk-sources">${items}</ul>`;
}

function sourceHtml(source: Source): string {
  const title = escapeHtml(source.title);
  const linked = source.url === null ? title : `<a href="${escapeHtml(source.url)}">${title}</a>`;
  const details = [source.publisher, source.published ?? ''].filter((part) => part !== '');
  return details.length === 0 ? linked : `${linked}, ${escapeHtml(details.join(', '))}`;
}
