/**
 * The byte order mark, alone in its module: the store's own reading (timeline-desk-lines.ts)
 * needs it without the CSV parser that detect.ts loads.
 */

/** Excel and Notepad start UTF-8 files with a byte order mark; it is not content. */
export function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
