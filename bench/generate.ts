/**
 * Realistic benchmark timelines from a fixed seed: several lanes, points and ranges, day, month
 * and year precision (some with a time of day), follow-up links, and sources quoting their
 * article. The same count and seed always give the same document, so every tool in a run and
 * every run compares like with like. Kept near 400 bytes an event so that 100,000 events still
 * fit under the 50 MB import limit.
 */
import type { EventId, LaneId, TimelineId, Timestamp } from '../src/shared/ids';
import type { PartialDate } from '../src/shared/partial-date';
import {
  CERTAINTIES,
  EVENT_STATUSES,
  FORMAT,
  FORMAT_VERSION,
  type Lane,
  type Source,
  type TimelineDocument,
  type TimelineEvent,
} from '../src/shared/schema';

export const BENCH_SIZES = [1_000, 10_000, 100_000] as const;
export const BENCH_SEED = 20240619;

/** The story runs over these years, whatever the count: denser stories, same span. */
const FIRST_DAY = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 2 * 365;
const DAY_MS = 86_400_000;

const LANES: readonly Lane[] = [
  { id: 'diplomacy', title: 'Diplomacy', color: '#2e6fba' },
  { id: 'military', title: 'Military', color: '#c0392b' },
  { id: 'economy', title: 'Economy and sanctions', color: '#27865f' },
  { id: 'humanitarian', title: 'Humanitarian', color: '#8e44ad' },
  { id: 'domestic', title: 'Domestic politics', color: '#d35400' },
  { id: 'media', title: 'Media and information', color: '#16a085' },
] as Lane[];

const ACTORS = [
  'Vladimir Putin',
  'Kim Jong Un',
  'Xi Jinping',
  'Antony Blinken',
  'UN Security Council',
  'Sergei Lavrov',
  'Choe Son Hui',
  'Yoon Suk Yeol',
];
const TAGS = [
  'state visit',
  'treaty',
  'sanctions',
  'missile test',
  'arms transfer',
  'summit',
  'statement',
  'aid',
  'trade',
  'election',
];
const PLACES = ['Pyongyang', 'Moscow', 'Beijing', 'Seoul', 'Hanoi', 'Vladivostok', 'New York', ''];
const VERBS = [
  'meets',
  'signs agreement with',
  'condemns',
  'announces talks with',
  'sends delegation to',
  'warns',
];
const PUBLISHERS = ['Antara', 'Reuters', 'Kompas', 'Yonhap', 'TASS', 'AP'];
const QUOTES = [
  'Kedua pemimpin menandatangani perjanjian.',
  'Pembicaraan berlangsung bersahabat.',
  'Kementerian akan menanggapi setiap langkah.',
  'Delegasi tiba pada pagi hari.',
];

/** mulberry32: a tiny, well-known seeded generator; Math.random cannot be seeded. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID (version 4 layout) drawn from the seeded generator, so ids repeat run to run. */
function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)] ?? '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function some<T>(random: () => number, items: readonly T[], max: number): T[] {
  const count = Math.floor(random() * (max + 1));
  return [...new Set(Array.from({ length: count }, () => pick(random, items)))];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A start and end at a precision: 80% days (a quarter with a time), 15% months, 5% years. */
function datesAt(
  random: () => number,
  dayMs: number,
): { start: PartialDate; end: PartialDate | null } {
  const roll = random();
  const isRange = random() < 0.3;
  if (roll < 0.05) {
    const year = new Date(dayMs).getUTCFullYear();
    return {
      start: `${year}` as PartialDate,
      end: isRange ? (`${year + 1}` as PartialDate) : null,
    };
  }
  if (roll < 0.2) {
    const month = iso(dayMs).slice(0, 7);
    const later = iso(dayMs + (30 + Math.floor(random() * 90)) * DAY_MS).slice(0, 7);
    return { start: month as PartialDate, end: isRange ? (later as PartialDate) : null };
  }
  const lengthDays = 1 + Math.floor(random() * 20);
  if (roll < 0.4) {
    const at = dayMs + Math.floor(random() * 24 * 60) * 60_000;
    const start = `${iso(at).slice(0, 16)}Z`;
    const end = `${iso(at + lengthDays * 3_600_000).slice(0, 16)}Z`;
    return { start: start as PartialDate, end: isRange ? (end as PartialDate) : null };
  }
  const start = iso(dayMs).slice(0, 10);
  const end = iso(dayMs + lengthDays * DAY_MS).slice(0, 10);
  return { start: start as PartialDate, end: isRange ? (end as PartialDate) : null };
}

function sourcesFor(random: () => number, dayMs: number, n: number): Source[] {
  if (random() < 0.65) return [];
  const publisher = pick(random, PUBLISHERS);
  return [
    {
      title: publisher,
      url: `https://n.example/${n}`,
      publisher,
      published: iso(dayMs).slice(0, 10) as PartialDate,
      quote: pick(random, QUOTES),
      language: 'id',
    },
  ];
}

/** A valid Timeline Desk document of `count` events, the same for the same count and seed. */
export function generateTimeline(count: number, seed: number = BENCH_SEED): TimelineDocument {
  const random = randomFrom(seed ^ count);
  const events: TimelineEvent[] = [];
  for (let n = 0; n < count; n++) {
    const dayMs = FIRST_DAY + Math.floor(random() * SPAN_DAYS) * DAY_MS;
    const { start, end } = datesAt(random, dayMs);
    const actors = some(random, ACTORS, 2);
    const created = iso(dayMs + DAY_MS) as Timestamp;
    // A fifth follow up an earlier day-precision event that starts no later than this one.
    const parent = n > 0 && random() < 0.2 ? events[Math.floor(random() * n)] : undefined;
    const followUpOf =
      parent && parent.start.length >= 10 && parent.start <= start ? parent.id : null;
    events.push({
      id: uuidFrom(random) as EventId,
      title: `${actors[0] ?? 'Officials'} ${pick(random, VERBS)} ${pick(random, PLACES) || 'partners'} (#${n + 1})`,
      start,
      end,
      description: random() < 0.7 ? '' : `Further reporting on item ${n + 1}.`,
      laneId: pick(random, LANES).id as LaneId,
      status: pick(random, EVENT_STATUSES),
      certainty: pick(random, CERTAINTIES),
      tags: some(random, TAGS, 2),
      actors,
      location: pick(random, PLACES),
      sources: sourcesFor(random, dayMs, n),
      followUpOf,
      createdAt: created,
      updatedAt: created,
    });
  }
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    timeline: {
      id: uuidFrom(random) as TimelineId,
      title: `Benchmark story, ${count.toLocaleString('en')} events`,
      description: 'Generated by bench/generate.ts with a fixed seed.',
    },
    lanes: [...LANES],
    eras: [],
    events,
  };
}
