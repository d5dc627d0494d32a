import type { ReadershipFilter } from '$lib/graphql/generated';
import { LiveDocument, LiveSparklinesDocument } from '$lib/graphql/generated';
import { gql } from '$lib/server/gateway';
import { type LiveModel, shapeLive } from './live-model';

const MINUTE_MS = 60_000;

/**
 * The live figures: one request for readers, minutes, the top list and readers
 * by section and channel (the same five minutes as the active readers count),
 * one for the top articles' sparklines (it needs their ids).
 */
export async function loadLive(filter: ReadershipFilter, edition: string | null): Promise<LiveModel> {
  const now = new Date();
  const live = await gql(LiveDocument, { filter, edition });
  const minutes = live.live.viewsPerMinute;
  const ids = live.live.topArticles.map((entry) => entry.article.id);
  const [first, last] = [minutes[0], minutes.at(-1)];
  const sparks =
    ids.length > 0 && first && last
      ? await gql(LiveSparklinesDocument, {
          filter: { ...filter, articleIds: ids },
          range: {
            from: first.at,
            to: new Date(new Date(last.at).getTime() + MINUTE_MS).toISOString(),
            timeZone: 'UTC',
          },
        })
      : { readership: [] };
  return shapeLive(live, sparks.readership, now);
}
