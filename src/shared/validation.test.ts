import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { describeIssue, formatPath, parseWith } from './validation';

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['title'], 'title'],
    [['events', 3, 'start'], 'events[3].start'],
    [['events', 0, 'sources', 2, 'url'], 'events[0].sources[2].url'],
    [[0], '[0]'],
    [[1, 'title'], '[1].title'],
    [['tags', 0, 1], 'tags[0][1]'],
    [['patch', 'followUpOf'], 'patch.followUpOf'],
  ])('writes %j as "%s"', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });

  it('writes a symbol by its description', () => {
    expect(formatPath(['meta', Symbol('key')])).toBe('meta.Symbol(key)');
  });
});

describe('parseWith and describeIssue', () => {
  const schema = z.strictObject({ title: z.string().min(1, { error: 'is empty' }) });

  it('returns the parsed value', () => {
    expect(parseWith(schema, { title: 'Talks' })).toEqual({ ok: true, value: { title: 'Talks' } });
  });

  it('names the place of the first problem, under a prefix when given', () => {
    expect(parseWith(schema, { title: '' })).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'title: is empty', path: 'title' },
    });
    expect(parseWith(schema, { title: '' }, 'patch')).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'patch.title: is empty', path: 'patch.title' },
    });
  });

  it('gives a problem of the whole value without a place', () => {
    const result = parseWith(schema, 'Talks');
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Invalid input: expected object, received string' },
    });
  });

  it('still says something for an error without issues', () => {
    expect(describeIssue(new z.ZodError([]))).toEqual({ code: 'invalid', message: 'is not valid' });
  });
});
