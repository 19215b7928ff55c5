/** How an imported file's bytes are read: by their mark, as UTF-8 if they are, else Windows-1252. */
import { describe, expect, it } from 'vitest';

import { DAMAGED_UTF_16_NOTE, decodeText, UTF_16_NOTE, WINDOWS_1252_NOTE } from './decode-text';

const WORLD = 'Café, München, Ελλάδα, 北京';

/** UTF-16 code units in the given byte order, as Notepad's "Unicode" save writes them. */
function utf16Bytes(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), order === 'le');
  return bytes;
}

const bytes = (...parts: (readonly number[] | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => [...part]));

describe('decodeText', () => {
  it('reads UTF-8, with or without its byte order mark, and says nothing', () => {
    const utf8 = new TextEncoder().encode(WORLD);
    expect(decodeText(utf8)).toEqual({ text: WORLD, encoding: 'utf-8', note: null });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], utf8))).toEqual({
      text: WORLD,
      encoding: 'utf-8',
      note: null,
    });
  });

  it('reads UTF-16 by its byte order mark, either way round, and says so', () => {
    expect(decodeText(bytes([0xff, 0xfe], utf16Bytes(WORLD, 'le')))).toEqual({
      text: WORLD,
      encoding: 'utf-16le',
      note: UTF_16_NOTE,
    });
    expect(decodeText(bytes([0xfe, 0xff], utf16Bytes(WORLD, 'be')))).toEqual({
      text: WORLD,
      encoding: 'utf-16be',
      note: UTF_16_NOTE,
    });
    // A file cut short by one byte: the note says what the replacement character stands for.
    expect(decodeText(bytes([0xff, 0xfe], utf16Bytes('Ab', 'le'), [0x43]))).toEqual({
      text: 'Ab\uFFFD',
      encoding: 'utf-16le',
      note: DAMAGED_UTF_16_NOTE,
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252, as Excel writes them, and says so', () => {
    expect(decodeText(bytes([0x43, 0x61, 0x66, 0xe9]))).toEqual({
      text: 'Café',
      encoding: 'windows-1252',
      note: WINDOWS_1252_NOTE,
    });
    // 0x80 to 0x9F are the euro sign and curly quotes, not ISO 8859-1's control characters.
    expect(decodeText(bytes([0x80, 0x20, 0x35, 0x20, 0x93, 0x92, 0x94])).text).toBe('€ 5 “’”');
  });

  it('never puts a replacement character in place of bytes it could not read as UTF-8', () => {
    // A UTF-8 file with one Windows-1252 byte pasted in, bytes no encoder writes, a cut sequence.
    const mixed = bytes(new TextEncoder().encode('München '), [0xe9, 0xc0, 0xff, 0xe2, 0x82]);
    const decoded = decodeText(mixed);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.note).toBe(WINDOWS_1252_NOTE);
    expect(decoded.text).not.toContain('\uFFFD');
    expect(decoded.text).toHaveLength(mixed.length);
    // Every one of the 256 byte values is a character of its own.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeText(all).text).not.toContain('\uFFFD');
    expect(decodeText(all).text).toHaveLength(256);
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', note: null });
    expect(decodeText(bytes([0xff, 0xfe]))).toEqual({
      text: '',
      encoding: 'utf-16le',
      note: UTF_16_NOTE,
    });
  });
});
