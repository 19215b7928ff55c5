/**
 * An imported file's bytes become text here, by rules the import preview can tell the user: a
 * byte order mark names the encoding; else bytes that are valid UTF-8 are UTF-8; else they are
 * read as Windows-1252 (what Excel writes as "CSV" on Western Windows), and the note says so.
 * Never a silent replacement character.
 */

type Utf16 = 'utf-16le' | 'utf-16be';
export type TextEncoding = 'utf-8' | Utf16 | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** What the import preview must tell the user about how the file was read; null for UTF-8. */
  readonly note: string | null;
}

export const WINDOWS_1252_NOTE = 'Read as Windows-1252: check accented letters';
export const UTF_16_NOTE = 'Read as UTF-16';
export const DAMAGED_UTF_16_NOTE =
  'Read as UTF-16: some characters could not be read and show as \uFFFD';

const BYTE_ORDER_MARKS: readonly (readonly [readonly number[], 'utf-8' | Utf16])[] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

export function decodeText(bytes: Uint8Array): DecodedText {
  for (const [mark, encoding] of BYTE_ORDER_MARKS) {
    if (!mark.every((byte, i) => bytes[i] === byte)) continue;
    const rest = bytes.subarray(mark.length);
    return encoding === 'utf-8' ? utf8OrWindows1252(rest) : utf16(rest, encoding);
  }
  return utf8OrWindows1252(bytes);
}

function utf8OrWindows1252(bytes: Uint8Array): DecodedText {
  const text = decodeStrictly(bytes, 'utf-8');
  if (text !== null) return { text, encoding: 'utf-8', note: null };
  return { text: windows1252(bytes), encoding: 'windows-1252', note: WINDOWS_1252_NOTE };
}

/**
 * The WHATWG index-windows-1252 for bytes 0x80 to 0x9F. Node from 20.18.3 decodes the
 * 'windows-1252' label as Latin-1 (nodejs/node#60888: 0x80 is U+0080, not €), so the control
 * characters it leaves are mapped here; a correct decoder leaves only five, which map to themselves.
 */
const C1_CODE_POINTS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1_CHARACTERS = String.fromCharCode(...C1_CODE_POINTS);

/** Every byte is a character of its own, so nothing is ever replaced. */
function windows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => C1_CHARACTERS.charAt(c.charCodeAt(0) - 0x80));
}

/** The mark said UTF-16, so it is read as such; a broken pair or odd last byte is told of. */
function utf16(bytes: Uint8Array, encoding: Utf16): DecodedText {
  const text = decodeStrictly(bytes, encoding);
  if (text !== null) return { text, encoding, note: UTF_16_NOTE };
  const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return { text: lenient, encoding, note: DAMAGED_UTF_16_NOTE };
}

/** The text, or null when the bytes are not valid in the encoding. */
function decodeStrictly(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    // ignoreBOM: the mark is already taken off; a second one is the file's own text.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
