import type { LiveQuery, LiveSparklinesQuery } from '$lib/graphql/generated';
import { seriesByKey } from '$lib/shaping/series';
import { type Trend, trendOf } from './trend';

/** Everything the live page shows, as sent to the browser every two seconds. */
export interface LiveModel {
  /** When the figures were read. */
  at: string;
  activeReaders: number;
  perMinute: { at: string; views: number }[];
  top: {
    id: string;
    title: string;
    section: string;
    views: number;
    readers: number;
    /** Views per minute over the same 30 minutes as `perMinute`. */
    spark: number[];
    trend: Trend;
  }[];
  bySection: { id: string; name: string; readers: number }[];
  byChannel: { channel: string; readers: number }[];
}

/** The live answer and the top articles' per-minute rows, as the page's model. */
export function shapeLive(live: LiveQuery, sparks: LiveSparklinesQuery['readership'], at: Date): LiveModel {
  const starts = live.live.viewsPerMinute.map((point) => new Date(point.at));
  const perArticle = seriesByKey(starts, sparks, (row) => row.article?.id);
  return {
    at: at.toISOString(),
    activeReaders: live.live.activeReaders,
    perMinute: live.live.viewsPerMinute.map(({ at: minute, views }) => ({ at: minute, views })),
    top: live.live.topArticles.map((entry) => {
      const spark = perArticle.get(entry.article.id) ?? starts.map(() => 0);
      return {
        id: entry.article.id,
        title: entry.article.title,
        section: entry.article.section.name,
        views: entry.views,
        readers: entry.uniqueReaders,
        spark,
        trend: trendOf(spark),
      };
    }),
    bySection: live.live.bySection.flatMap((row) =>
      row.section ? [{ id: row.section.id, name: row.section.name, readers: row.uniqueReaders }] : [],
    ),
    byChannel: live.live.byChannel.map((row) => ({ channel: row.channel ?? '', readers: row.uniqueReaders })),
  };
}
