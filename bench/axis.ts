/**
 * Reads how much time a vis-timeline shows from its own axis: two neighbouring minor labels
 * (years, months or hours of the day) and the pixels between them give the scale, and the
 * width of the centre panel the span. Works alike for our app and the vis-timeline peer, which
 * keeps the bench from reaching into either one's code for its window.
 */
import type { Page } from '@playwright/test';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_MS = 30.436875 * DAY_MS;
const YEAR_MS = 365.2425 * DAY_MS;

interface Label {
  readonly text: string;
  readonly x: number;
}

interface AxisGlobals {
  requestAnimationFrame(callback: () => void): number;
  readonly document: {
    querySelector(selector: string): { clientWidth: number } | null;
    querySelectorAll(selector: string): ArrayLike<{
      readonly textContent: string | null;
      getBoundingClientRect(): { left: number };
    }>;
  };
}

/** The time between two labels that follow each other, or null when they are not read. */
function between(a: string, b: string): number | null {
  if (/^\d{4}$/.test(a) && /^\d{4}$/.test(b)) return (Number(b) - Number(a)) * YEAR_MS;
  const [ma, mb] = [MONTHS.indexOf(a.slice(0, 3)), MONTHS.indexOf(b.slice(0, 3))];
  if (ma >= 0 && mb >= 0) return ((mb - ma + 12) % 12 || 12) * MONTH_MS;
  const hours = (text: string) => {
    const match = /^(\d{2}):(\d{2})$/.exec(text);
    return match ? Number(match[1]) * HOUR_MS + Number(match[2]) * 60_000 : null;
  };
  const [ha, hb] = [hours(a), hours(b)];
  if (ha !== null && hb !== null) return (hb - ha + DAY_MS) % DAY_MS || DAY_MS;
  return null;
}

/**
 * The span of time the centre panel shows, in ms, or null when the axis cannot be read;
 * `afterFrames` waits that many frames first, for a redraw the page has scheduled.
 */
export async function visibleSpanMs(page: Page, { afterFrames = 0 } = {}): Promise<number | null> {
  const { labels, width } = await page.evaluate(async (frames) => {
    const { document, requestAnimationFrame } = globalThis as unknown as AxisGlobals;
    for (let n = 0; n < frames; n++)
      await new Promise<void>((done) => requestAnimationFrame(() => done()));
    const found = Array.from(document.querySelectorAll('.vis-time-axis .vis-text.vis-minor'));
    return {
      labels: found.map((el) => ({
        text: (el.textContent ?? '').trim(),
        x: el.getBoundingClientRect().left,
      })),
      width: document.querySelector('.vis-panel.vis-center')?.clientWidth ?? 0,
    };
  }, afterFrames);
  const sorted: Label[] = labels.filter((label) => label.text !== '').sort((a, b) => a.x - b.x);
  for (let n = 1; n < sorted.length; n++) {
    const [a, b] = [sorted[n - 1]!, sorted[n]!];
    const ms = between(a.text, b.text);
    if (ms !== null && b.x > a.x) return (width * ms) / (b.x - a.x);
  }
  return null;
}

/** Wheel notches that scale a span `from` to `to` at vis-timeline's 1.2 times a notch. */
export function notchesBetween(from: number, to: number): number {
  return Math.round(Math.log(from / to) / Math.log(1.2));
}

/** The span once the page has stopped changing it (two reads a few frames apart agree). */
export async function settledSpanMs(page: Page, tries = 20): Promise<number | null> {
  let span = await visibleSpanMs(page, { afterFrames: 2 });
  for (let n = 0; n < tries; n++) {
    const next = await visibleSpanMs(page, { afterFrames: 3 });
    if (span === null || next === null || Math.abs(next - span) <= span / 100) return next;
    span = next;
  }
  return span;
}
