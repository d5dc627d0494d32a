// The dimensions and intervals are GraphQL enums: type-graphql needs the metadata API loaded first.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Interval } from '../range/interval.js';
import { Dimension, type Filters } from '../shared/dimensions.js';
import { chooseSource, minutesHold, type SourceQuestion } from './source.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow);

/** A week ending a week ago, on UTC hours, in a whole-hour zone: hourly rollups may answer it. */
const PAST_WEEK = { from: at(14 * DAY_MS), to: at(7 * DAY_MS), timeZone: 'Asia/Baku' };
/** The last six hours, on UTC hours: within the minute rollup's two days. */
const RECENT = { from: at(6 * HOUR_MS), to: NOW, timeZone: 'Asia/Baku' };

function question(overrides: Partial<SourceQuestion>): SourceQuestion {
  return { range: PAST_WEEK, groupBy: [], filters: {}, now: NOW, ...overrides };
}

describe('chooseSource', () => {
  it('reads article_views_by_hour for articles over whole hours', () => {
    expect(chooseSource(question({ groupBy: [Dimension.ARTICLE], interval: Interval.DAY }))).toBe(
      'article_views_by_hour',
    );
  });

  it('reads article_views_by_hour for a total with no dimension at all', () => {
    expect(chooseSource(question({}))).toBe('article_views_by_hour');
  });

  it('reads article_views_by_hour when the range ends off the hour but not before now', () => {
    const range = { from: at(6 * HOUR_MS), to: new Date(NOW.getTime() + 30 * 60_000), timeZone: 'UTC' };
    expect(chooseSource(question({ range, filters: { [Dimension.ARTICLE]: ['1'] } }))).toBe('article_views_by_hour');
  });

  it('reads section_days_and_hours for sections and editions over whole hours', () => {
    const filters: Filters = { [Dimension.EDITION]: ['en'] };
    expect(chooseSource(question({ groupBy: [Dimension.SECTION], filters }))).toBe('section_days_and_hours');
    expect(chooseSource(question({ filters: { [Dimension.SECTION]: ['7'] } }))).toBe('section_days_and_hours');
  });

  it('reads views_by_minute for a minute series, whatever the hours', () => {
    expect(chooseSource(question({ range: RECENT, groupBy: [Dimension.ARTICLE], interval: Interval.MINUTE }))).toBe(
      'views_by_minute',
    );
  });

  it('reads views_by_minute for dimensions no hourly rollup keeps, back to exactly two days ago', () => {
    expect(chooseSource(question({ range: RECENT, groupBy: [Dimension.COUNTRY] }))).toBe('views_by_minute');
    const twoDays = { from: at(2 * DAY_MS), to: NOW, timeZone: 'Asia/Baku' };
    expect(chooseSource(question({ range: twoDays, groupBy: [Dimension.CHANNEL] }))).toBe('views_by_minute');
  });

  it('reads views_by_minute for articles and sections together (no hourly rollup keeps both)', () => {
    expect(chooseSource(question({ range: RECENT, groupBy: [Dimension.ARTICLE, Dimension.SECTION] }))).toBe(
      'views_by_minute',
    );
  });

  it('reads views_by_minute for recent ranges off the hour or in a half-hour zone', () => {
    const offHour = { ...RECENT, from: new Date(RECENT.from.getTime() + 15 * 60_000) };
    expect(chooseSource(question({ range: offHour, groupBy: [Dimension.ARTICLE] }))).toBe('views_by_minute');
    const endedOffHour = { ...RECENT, to: at(HOUR_MS / 2) };
    expect(chooseSource(question({ range: endedOffHour, groupBy: [Dimension.ARTICLE] }))).toBe('views_by_minute');
    const kolkata = { ...RECENT, timeZone: 'Asia/Kolkata' };
    expect(chooseSource(question({ range: kolkata, groupBy: [Dimension.ARTICLE] }))).toBe('views_by_minute');
  });

  it('reads the raw views table for older ranges the hourly rollups cannot answer', () => {
    const justOlder = { from: at(2 * DAY_MS + HOUR_MS), to: NOW, timeZone: 'Asia/Baku' };
    expect(chooseSource(question({ range: justOlder, groupBy: [Dimension.COUNTRY] }))).toBe('views');
    expect(chooseSource(question({ groupBy: [Dimension.ARTICLE, Dimension.SECTION] }))).toBe('views');
    expect(chooseSource(question({ range: { ...PAST_WEEK, timeZone: 'Asia/Kolkata' } }))).toBe('views');
  });

  it('reads the raw views table for authors, however recent', () => {
    expect(chooseSource(question({ range: RECENT, groupBy: [Dimension.AUTHOR] }))).toBe('views');
    const filters: Filters = { [Dimension.AUTHOR]: ['3'] };
    expect(chooseSource(question({ range: RECENT, groupBy: [Dimension.ARTICLE], filters }))).toBe('views');
  });
});

describe('minutesHold', () => {
  it('holds every filter but authors', () => {
    expect(minutesHold({})).toBe(true);
    expect(minutesHold({ [Dimension.COUNTRY]: ['AZ'], [Dimension.SECTION]: ['7'] })).toBe(true);
    expect(minutesHold({ [Dimension.AUTHOR]: ['3'] })).toBe(false);
  });
});
