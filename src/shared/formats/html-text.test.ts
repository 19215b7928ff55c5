import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decodeEntities, escapeHtml, htmlToText, readHtml } from './html-text';

describe('htmlToText', () => {
  it('drops tags and keeps the text they hold', () => {
    expect(htmlToText('<b>Putin</b> arrives in <i class="place">Pyongyang</i>')).toBe(
      'Putin arrives in Pyongyang',
    );
  });

  it('turns <br> into a line break and paragraphs into a blank line', () => {
    expect(htmlToText('<p>one<br>two<br/>three</p><p>four</p>')).toBe('one\ntwo\nthree\n\nfour');
  });

  it('collapses white space from the source as a browser does', () => {
    expect(htmlToText('  Kim \n\t Jong   Un  ')).toBe('Kim Jong Un');
  });

  it('writes list items one to a line', () => {
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('- one\n- two');
  });

  it('shows nothing of scripts, styles and comments', () => {
    expect(
      htmlToText('a<script>alert("<b>x</b>")</script>b<style>p{}</style>c<!-- note -->d'),
    ).toBe('abcd');
    expect(htmlToText('a<SCRIPT>never closed')).toBe('a');
  });

  it('keeps a < that starts no tag', () => {
    expect(htmlToText('1 < 2 and 3 <= 4')).toBe('1 < 2 and 3 <= 4');
  });

  it('does not end a tag at a > inside a quoted attribute', () => {
    expect(htmlToText('<a title="a > b" href="#">link</a> after')).toBe('link after');
  });

  it('drops a tag cut off by the end, as a browser does', () => {
    expect(htmlToText('text <img src="x onerror=alert(1)')).toBe('text');
    expect(htmlToText('text <img src=x onerror=alert(1)>')).toBe('text');
  });

  it('decodes entities after the tags are gone, so an escaped tag is text', () => {
    expect(htmlToText('&lt;img src=x onerror=alert(1)&gt;')).toBe('<img src=x onerror=alert(1)>');
  });

  it('finds links with the text they show', () => {
    const reading = readHtml(
      'See <a href="https://example.org/a?x=1&amp;y=2">the report</a> and <a>no href</a>',
    );
    expect(reading.links).toEqual([{ href: 'https://example.org/a?x=1&y=2', text: 'the report' }]);
  });

  it('reads a hostile input in linear time', () => {
    const hostile = '<a "'.repeat(200_000) + '<script>'.repeat(50_000) + '&#'.repeat(100_000);
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('&amp; &lt; &gt; &quot; &apos; &eacute; &mdash; &hellip;')).toBe(
      '& < > " \' é — …',
    );
    expect(decodeEntities('&#8217; &#x2019; &#X1F600; &#39')).toBe("’ ’ 😀 '");
  });

  it('reads &#128; to &#159; as Windows-1252, as browsers do', () => {
    expect(decodeEntities('&#147;quoted&#148; &#150; &#128;')).toBe('“quoted” – €');
  });

  it('replaces impossible code points with U+FFFD', () => {
    expect(decodeEntities('&#0; &#xD800; &#x110000; &#99999999999999;')).toBe(
      '\uFFFD \uFFFD \uFFFD \uFFFD',
    );
  });

  it('leaves unknown names and bare ampersands alone', () => {
    expect(decodeEntities('AT&T &nosuch; & done')).toBe('AT&T &nosuch; & done');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that HTML reads as markup', () => {
    expect(escapeHtml(`<img src="x" onerror='a'> & co`)).toBe(
      '&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp; co',
    );
  });

  it('is undone by htmlToText for any one-line text', () => {
    const oneLine = fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\s+/g, ' ').trim());
    fc.assert(
      fc.property(oneLine, (text) => {
        expect(htmlToText(escapeHtml(text))).toBe(text);
      }),
    );
  });
});
