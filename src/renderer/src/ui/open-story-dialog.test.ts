import { describe, expect, it } from 'vitest';

import type { StoryListing } from '../../../shared/contract';
import { findStories } from './open-story-dialog';

const story = (title: string): StoryListing => ({
  id: crypto.randomUUID(),
  title,
  events: 0,
  changedAt: '2026-12-07T10:00:00.000Z',
  deletedAt: null,
});

const titles = (found: readonly StoryListing[]) => found.map((each) => each.title);

describe('Open story: type to find', () => {
  const stories = [
    story('Putin visits North Korea, June 2024'),
    story('Gaza ceasefire talks'),
    story('Pemilu 2024: hasil hitung cepat'),
    story('Ukraine (10,000 events)'),
  ];

  it('finds every typed word at the start of a word of the title, case and accents aside', () => {
    expect(titles(findStories(stories, 'putin nort'))).toEqual([
      'Putin visits North Korea, June 2024',
    ]);
    expect(titles(findStories(stories, 'GAZA'))).toEqual(['Gaza ceasefire talks']);
    expect(titles(findStories(stories, 'pémilu'))).toEqual(['Pemilu 2024: hasil hitung cepat']);
    expect(titles(findStories(stories, 'korea gaza'))).toEqual([]);
    expect(titles(findStories(stories, 'isits'))).toEqual([]);
  });

  it('reads punctuation in what is typed as the title has it', () => {
    expect(titles(findStories(stories, 'Ukraine (10,000 events)'))).toEqual([
      'Ukraine (10,000 events)',
    ]);
    expect(titles(findStories(stories, '2024:'))).toHaveLength(2);
  });

  it('lists every story, in the order given, while nothing is typed', () => {
    expect(titles(findStories(stories, '  '))).toEqual(titles(stories));
  });
});
