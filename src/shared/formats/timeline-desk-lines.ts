/**
 * Timeline Desk JSON as this app exports it has one event a line (toTimelineDeskJson), and a
 * line break is never inside a JSON string: such a file can be read a line at a time, by two
 * threads at once, without parsing it whole. These are the pieces for that; any other layout
 * is read whole (formats/index.ts), with the same result.
 */
import { stripBom } from './bom';

/** Where the events are in an exported text. */
export interface EventLines {
  /** The text (without a byte order mark) the offsets are in. */
  readonly text: string;
  /** The same document with no events: its head, to check as JSON of its own. */
  readonly headText: string;
  /** Event i is text.slice(starts[i], ends[i]): a line without its break and comma. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const OPEN = '\n  "events": [\n';
const CLOSE = '\n  ]\n}';

/**
 * The events of a text laid out as toTimelineDeskJson writes it (the head, one event a line,
 * then the closing lines), or null for any other layout. Only the layout is looked at; whether
 * each line is JSON, and the head too, is for the reader to find out. If they all are, the
 * whole text is JSON whose events are exactly these lines, in this order.
 */
export function eventLines(original: string): EventLines | null {
  const text = stripBom(original);
  const open = text.indexOf(OPEN);
  const close = text.lastIndexOf(CLOSE);
  if (open < 0 || close < open || !/^[ \t\r\n]*$/.test(text.slice(close + CLOSE.length))) {
    return null;
  }
  const starts: number[] = [];
  const ends: number[] = [];
  for (let start = open + OPEN.length; start <= close;) {
    const lineEnd = Math.min(close, indexOrEnd(text, '\n', start));
    const last = lineEnd === close;
    // Every line but the last ends with the comma between events; the last has none.
    if ((text.charCodeAt(lineEnd - 1) === COMMA) === last) return null;
    starts.push(start);
    ends.push(last ? lineEnd : lineEnd - 1);
    start = lineEnd + 1;
  }
  const headText = `${text.slice(0, open)}\n  "events": []${text.slice(close + CLOSE.length - 2)}`;
  return { text, headText, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

const COMMA = 0x2c;

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/**
 * Whether a line of `length` characters from `from`, whose value quickEventCheck gave
 * `quick` for, is exactly JSON.stringify of that value: past the line's indent it is as
 * long as that JSON (schema-fast.ts says why that is enough).
 */
export function isCanonicalLine(text: string, from: number, to: number, quick: number): boolean {
  if (quick < 0) return false;
  let start = from;
  while (text.charCodeAt(start) === SPACE) start++;
  return to - start === quick;
}

/** Event i's JSON text, when isCanonicalLine said so of its line. */
export function canonicalText(lines: EventLines, index: number): string {
  let start = lines.starts[index] as number;
  while (lines.text.charCodeAt(start) === SPACE) start++;
  return lines.text.slice(start, lines.ends[index]);
}

const SPACE = 0x20;

/** The value on an event's line, or NOT_JSON. */
export function parseLine(lines: EventLines, index: number): unknown {
  try {
    return JSON.parse(lines.text.slice(lines.starts[index], lines.ends[index])) as unknown;
  } catch {
    return NOT_JSON;
  }
}

export const NOT_JSON: unique symbol = Symbol('not JSON');
