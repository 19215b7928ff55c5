/**
 * HTML as TimelineJS shows it, turned into plain text, and plain text made safe to show as HTML.
 * No DOM: this runs in the main process. A linear scanner, not a regular expression, finds the
 * tags, so a hostile file cannot make it backtrack, and a `>` inside a quoted attribute is no end.
 */

export interface HtmlLink {
  readonly href: string;
  readonly text: string;
}

export interface HtmlReading {
  readonly text: string;
  /** The `<a href>` links, in order, with the text they show. */
  readonly links: readonly HtmlLink[];
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text that HTML shows exactly as written, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** The text an HTML fragment shows: tags gone, entities decoded, <br> and blocks as newlines. */
export function htmlToText(html: string): string {
  return readHtml(html).text;
}

// Elements that start a new line; <p> also leaves a blank line, as a paragraph does.
const BLOCKS = new Set(
  'address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol pre section table tr ul'.split(
    ' ',
  ),
);
// Elements whose content is never shown.
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

export function readHtml(html: string): HtmlReading {
  let out = '';
  const links: HtmlLink[] = [];
  let openLink: { href: string; start: number } | null = null;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    out += decodeEntities(html.slice(i, textEnd)).replace(/[\t\n\f\r ]+/g, ' ');
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (tag === null) {
      out += '<';
      i = lt + 1;
      continue;
    }
    i = tag.next;
    if (tag.name === null) continue; // a comment or declaration
    if (HIDDEN.has(tag.name) && !tag.end) {
      i = skipRawText(html, i, tag.name);
    } else if (tag.name === 'br') {
      out += '\n';
    } else if (tag.name === 'p') {
      out += '\n\n';
    } else if (tag.name === 'li') {
      if (!tag.end) out += '\n- ';
    } else if (BLOCKS.has(tag.name)) {
      out += '\n';
    } else if (tag.name === 'a' && !tag.end) {
      const href = hrefOf(tag.attributes);
      openLink = href === null ? null : { href, start: out.length };
    } else if (tag.name === 'a' && openLink) {
      links.push({ href: openLink.href, text: tidy(out.slice(openLink.start)) });
      openLink = null;
    }
  }
  return { text: tidy(out), links };
}

/** One line per line, spaces collapsed, at most one blank line in a row, nothing around. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface Tag {
  /** Lower-case element name; null for a comment, doctype or processing instruction. */
  readonly name: string | null;
  readonly end: boolean;
  readonly attributes: string;
  /** The index just past the tag. */
  readonly next: number;
}

/** The tag that starts at `<`, or null when this `<` is just text (as in "a < b"). */
function readTag(html: string, lt: number): Tag | null {
  if (html.startsWith('<!--', lt)) {
    const close = html.indexOf('-->', lt + 4);
    return { name: null, end: false, attributes: '', next: close === -1 ? html.length : close + 3 };
  }
  const first = html[lt + 1] ?? '';
  const end = first === '/';
  const nameStart = end ? lt + 2 : lt + 1;
  if (!/[A-Za-z]/.test(html[nameStart] ?? '')) {
    if (first !== '!' && first !== '?' && !end) return null;
    const close = html.indexOf('>', lt);
    return { name: null, end: false, attributes: '', next: close === -1 ? html.length : close + 1 };
  }
  let j = nameStart;
  while (j < html.length && !/[\s/>]/.test(html[j] ?? '')) j++;
  const name = html.slice(nameStart, j).toLowerCase();
  const attributesStart = j;
  let afterEquals = false;
  while (j < html.length && html[j] !== '>') {
    const char = html[j] ?? '';
    if ((char === '"' || char === "'") && afterEquals) {
      const close = html.indexOf(char, j + 1);
      if (close === -1) return { name: null, end, attributes: '', next: html.length };
      j = close + 1;
      afterEquals = false;
      continue;
    }
    if (char === '=') afterEquals = true;
    else if (!/\s/.test(char)) afterEquals = false;
    j++;
  }
  // A tag cut off by the end of the text shows nothing, as in a browser.
  if (j >= html.length) return { name: null, end, attributes: '', next: html.length };
  return { name, end, attributes: html.slice(attributesStart, j), next: j + 1 };
}

/** The index past the end tag of a script or style, searched from `from` only (stays linear). */
function skipRawText(html: string, from: number, name: string): number {
  const endTag = new RegExp(`</${name}`, 'gi');
  endTag.lastIndex = from;
  const close = endTag.exec(html);
  if (!close) return html.length;
  const gt = html.indexOf('>', close.index);
  return gt === -1 ? html.length : gt + 1;
}

const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

function hrefOf(attributes: string): string | null {
  const match = HREF.exec(attributes);
  if (!match) return null;
  return decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
}

const ENTITY = /&(?:#(\d+);?|#[xX]([0-9A-Fa-f]+);?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

/** Decodes character references: named ones we know, and every numeric one (as HTML does). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED.get(name) ?? whole;
    const code =
      decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return fromCodePoint(code);
  });
}

// HTML reads &#128; to &#159; as Windows-1252, as old pages meant them (the spec's table).
const WINDOWS_1252 = codeTable(
  '80:20ac 82:201a 83:192 84:201e 85:2026 86:2020 87:2021 88:2c6 89:2030 8a:160 8b:2039 8c:152 ' +
    '8e:17d 91:2018 92:2019 93:201c 94:201d 95:2022 96:2013 97:2014 98:2dc 99:2122 9a:161 ' +
    '9b:203a 9c:153 9e:17e 9f:178',
);

function fromCodePoint(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff) return '\uFFFD';
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return String.fromCodePoint(WINDOWS_1252.get(code.toString(16)) ?? code);
}

// Latin-1 names in code point order from U+00A0, then the common ones beyond it.
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const OTHERS = codeTable(
  'amp:26 lt:3c gt:3e quot:22 apos:27 OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 ' +
    'fnof:192 circ:2c6 tilde:2dc ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e ' +
    'rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c rdquo:201d ' +
    'bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 ' +
    'Prime:2033 lsaquo:2039 rsaquo:203a euro:20ac trade:2122 larr:2190 uarr:2191 rarr:2192 ' +
    'darr:2193 minus:2212',
);
const NAMED = new Map<string, string>([
  ...LATIN_1.split(' ').map((name, i) => [name, String.fromCodePoint(0xa0 + i)] as const),
  ...[...OTHERS].map(([name, code]) => [name, String.fromCodePoint(code)] as const),
]);

/** "key:hex key:hex" as a map from key to code point. */
function codeTable(pairs: string): Map<string, number> {
  return new Map(
    pairs.split(' ').map((pair) => {
      const [key = '', hex = ''] = pair.split(':');
      return [key, Number.parseInt(hex, 16)] as const;
    }),
  );
}
