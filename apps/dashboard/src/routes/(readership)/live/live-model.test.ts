import { describe, expect, it } from 'vitest';
import type { LiveQuery } from '$lib/graphql/generated';
import { shapeLive } from './live-model';

const minutes = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 10, 25, 10, i)).toISOString());

describe('the live model', () => {
  it('gives each top article its sparkline over the same 30 minutes, and its trend', () => {
    const live: LiveQuery = {
      live: {
        activeReaders: 12,
        viewsPerMinute: minutes.map((at, i) => ({ at, views: i === 29 ? 4 : 0 })),
        topArticles: [
          { views: 3, uniqueReaders: 2, article: { id: '7', title: 'A', section: { id: '1', name: 'World' } } },
          { views: 1, uniqueReaders: 1, article: { id: '8', title: 'B', section: { id: '2', name: 'Sport' } } },
        ],
        bySection: [
          { uniqueReaders: 2, section: { id: '1', name: 'World' } },
          { uniqueReaders: 1, section: null },
        ],
        byChannel: [{ channel: 'search', uniqueReaders: 2 }],
      },
    };
    const model = shapeLive(
      live,
      [
        { article: { id: '7' }, bucket: minutes[29] as string, views: 3 },
        { article: { id: '7' }, bucket: minutes[20] as string, views: 1 },
      ],
      new Date('2026-11-25T10:29:30Z'),
    );
    expect(model.activeReaders).toBe(12);
    expect(model.perMinute).toHaveLength(30);
    const [first, second] = model.top;
    expect(first?.spark.filter((views) => views > 0)).toEqual([1, 3]);
    expect(first?.spark[20]).toBe(1);
    expect(first?.trend).toEqual({ recent: 3, before: 1, change: 200, direction: 'rising' });
    expect(second?.spark).toEqual(Array(30).fill(0));
    expect(model.bySection).toEqual([{ id: '1', name: 'World', readers: 2 }]);
    expect(model.byChannel).toEqual([{ channel: 'search', readers: 2 }]);
  });
});
