import { describe, expect, it } from 'vitest';
import { splitByUtcDays } from './day-split.js';

const at = (iso: string) => new Date(iso);
const spans = (list: { from: Date; to: Date }[]) =>
  list.map((span) => [span.from.toISOString(), span.to.toISOString()]);

describe('splitByUtcDays', () => {
  it('reads whole UTC days from days and the edges from hours', () => {
    // Baku midnights: 20:00 UTC the day before.
    const split = splitByUtcDays({ from: at('2026-01-09T20:00:00Z'), to: at('2026-01-13T06:30:00Z') });
    expect(spans(split.days)).toEqual([['2026-01-10T00:00:00.000Z', '2026-01-13T00:00:00.000Z']]);
    expect(spans(split.hours)).toEqual([
      ['2026-01-09T20:00:00.000Z', '2026-01-10T00:00:00.000Z'],
      ['2026-01-13T00:00:00.000Z', '2026-01-13T06:30:00.000Z'],
    ]);
  });

  it('never lets a day straddle a cut', () => {
    const split = splitByUtcDays({ from: at('2026-01-09T20:00:00Z'), to: at('2026-01-14T00:00:00Z') }, [
      at('2026-01-11T20:00:00Z'),
    ]);
    expect(spans(split.days)).toEqual([
      ['2026-01-10T00:00:00.000Z', '2026-01-11T00:00:00.000Z'],
      ['2026-01-12T00:00:00.000Z', '2026-01-14T00:00:00.000Z'],
    ]);
    expect(spans(split.hours)).toEqual([
      ['2026-01-09T20:00:00.000Z', '2026-01-10T00:00:00.000Z'],
      ['2026-01-11T00:00:00.000Z', '2026-01-12T00:00:00.000Z'],
    ]);
  });

  it('covers the range exactly once, with or without days', () => {
    const range = { from: at('2026-03-01T05:00:00Z'), to: at('2026-03-09T17:00:00Z') };
    const cuts = [at('2026-03-04T00:00:00Z'), at('2026-03-06T13:00:00Z')];
    for (const days of [true, false]) {
      const split = splitByUtcDays(range, cuts, { days });
      const all = [...split.days, ...split.hours].sort((a, b) => a.from.getTime() - b.from.getTime());
      expect(all[0]?.from).toEqual(range.from);
      expect(all.at(-1)?.to).toEqual(range.to);
      all.slice(1).forEach((span, i) => {
        expect(span.from).toEqual(all[i]?.to);
      });
      for (const day of split.days) {
        expect(day.from.getTime() % 86_400_000).toBe(0);
        expect(day.to.getTime() % 86_400_000).toBe(0);
        // A cut may fall between two days of a span, never inside a day.
        for (const cut of cuts) expect(cut > day.from && cut < day.to && cut.getTime() % 86_400_000 !== 0).toBe(false);
      }
      if (!days) expect(split.days).toEqual([]);
    }
  });

  it('keeps a range inside one day in hours', () => {
    const split = splitByUtcDays({ from: at('2026-01-10T03:00:00Z'), to: at('2026-01-10T09:00:00Z') });
    expect(split.days).toEqual([]);
    expect(spans(split.hours)).toEqual([['2026-01-10T03:00:00.000Z', '2026-01-10T09:00:00.000Z']]);
  });
});
