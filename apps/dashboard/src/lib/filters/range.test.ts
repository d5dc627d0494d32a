import { describe, expect, it } from 'vitest';
import type { Filters } from './filters';
import {
  bucketSpans,
  bucketStarts,
  intervalFor,
  previousSpan,
  resolveSpan,
  shareIntervalFor,
  spanDays,
  toRangeInput,
} from './range';

const BAKU = 'Asia/Baku'; // UTC+4, no daylight saving
const NOW = new Date('2026-11-25T10:30:00Z'); // 14:30 in Baku
const filters = (patch: Partial<Filters>): Filters => ({ range: '7d', tz: BAKU, ...patch });
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('ranges', () => {
  it('passes presets to the gateway as presets, custom days as instants in the zone', () => {
    expect(toRangeInput(filters({ range: 'today' }))).toEqual({ preset: 'TODAY', timeZone: BAKU });
    expect(toRangeInput(filters({ range: 'custom', from: '2026-11-01', to: '2026-11-02' }))).toEqual({
      from: '2026-10-31T20:00:00.000Z',
      to: '2026-11-02T20:00:00.000Z',
      timeZone: BAKU,
    });
  });

  it('resolves presets as the analytics subgraph does: from local midnight until now', () => {
    expect(resolveSpan(filters({ range: 'today' }), NOW)).toEqual({
      from: new Date('2026-11-24T20:00:00Z'),
      to: NOW,
      timeZone: BAKU,
    });
    expect(resolveSpan(filters({ range: 'yesterday' }), NOW)).toMatchObject({
      from: new Date('2026-11-23T20:00:00Z'),
      to: new Date('2026-11-24T20:00:00Z'),
    });
    expect(resolveSpan(filters({ range: '7d' }), NOW).from).toEqual(new Date('2026-11-18T20:00:00Z'));
    expect(spanDays(resolveSpan(filters({ range: '30d' }), NOW))).toBe(30);
  });

  it('compares with the same hours as many days before', () => {
    const today = resolveSpan(filters({ range: 'today' }), NOW);
    expect(previousSpan(today)).toEqual({
      from: new Date('2026-11-23T20:00:00Z'),
      to: new Date('2026-11-24T10:30:00Z'),
      timeZone: BAKU,
    });
    const week = previousSpan(resolveSpan(filters({ range: '7d' }), NOW));
    expect(week.from).toEqual(new Date('2026-11-11T20:00:00Z'));
    expect(week.to).toEqual(new Date('2026-11-18T10:30:00Z'));
  });

  it('picks hours for a few days, days up to four months, weeks beyond', () => {
    expect(intervalFor(resolveSpan(filters({ range: 'today' }), NOW))).toBe('HOUR');
    expect(intervalFor(resolveSpan(filters({ range: '90d' }), NOW))).toBe('DAY');
    expect(intervalFor(resolveSpan(filters({ range: 'custom', from: '2026-01-01', to: '2026-11-01' }), NOW))).toBe(
      'WEEK',
    );
    expect(shareIntervalFor(resolveSpan(filters({ range: 'today' }), NOW))).toBe('HOUR');
    expect(shareIntervalFor(resolveSpan(filters({ range: '30d' }), NOW))).toBe('DAY');
    expect(shareIntervalFor(resolveSpan(filters({ range: '90d' }), NOW))).toBe('WEEK');
  });

  it('cuts buckets in the zone, across a daylight saving change', () => {
    const span = {
      from: new Date('2026-03-28T23:00:00Z'),
      to: new Date('2026-03-31T22:00:00Z'),
      timeZone: 'Europe/Berlin',
    };
    expect(iso(bucketStarts(span, 'DAY'))).toEqual([
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-03-30T22:00:00.000Z',
    ]);
    const night = {
      from: new Date('2026-03-29T00:00:00Z'),
      to: new Date('2026-03-29T03:00:00Z'),
      timeZone: 'Europe/Berlin',
    };
    expect(bucketStarts(night, 'HOUR')).toHaveLength(3);
  });

  it('starts weeks on Monday and clips the first bucket to the range', () => {
    const span = { from: new Date('2026-11-18T20:00:00Z'), to: NOW, timeZone: BAKU };
    const starts = bucketStarts(span, 'WEEK');
    expect(iso(starts)).toEqual(['2026-11-15T20:00:00.000Z', '2026-11-22T20:00:00.000Z']);
    expect(bucketSpans(span, starts).map((bucket) => [bucket.from.toISOString(), bucket.to.toISOString()])).toEqual([
      ['2026-11-18T20:00:00.000Z', '2026-11-22T20:00:00.000Z'],
      ['2026-11-22T20:00:00.000Z', '2026-11-25T10:30:00.000Z'],
    ]);
  });
});
