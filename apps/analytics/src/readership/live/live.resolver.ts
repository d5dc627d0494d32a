import { bounded, checkLimit, LIST_SIZES } from '@byline/graphql';
import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { selectRows } from '../../clickhouse/query.js';
import type { Context } from '../../context.js';
import { bucketStarts, Interval } from '../range/interval.js';
import { checkFilter, ReadershipFilter } from '../shared/dimensions.js';
import { ReadershipRow, readershipRow, TimePoint, TopArticle } from '../shared/types.js';
import { type LiveRow, LiveSet, liveSql, toLiveRow } from './live.sql.js';

const MINUTE_MS = 60_000;
/** Sections and channels the live answer lists at most (there are fewer of either). */
const LISTED = LIST_SIZES['Live.topArticles'];

@ObjectType({ description: 'What is being read right now.' })
export class Live {
  @Field(() => Int, { description: 'Distinct readers in the last 5 minutes.' })
  activeReaders!: number;

  @Field(() => [TimePoint], { description: 'The last 30 minutes, one point a minute, zeros included.' })
  viewsPerMinute!: TimePoint[];

  @Field(() => [TopArticle], { description: 'Most read in the last 30 minutes.' })
  topArticles!: TopArticle[];

  @Field(() => [ReadershipRow], {
    description: 'Sections read in the last 5 minutes, most viewed first: their views and readers in those minutes.',
  })
  readersBySection!: ReadershipRow[];

  @Field(() => [ReadershipRow], {
    description: 'How readers of the last 5 minutes arrived, most views first: views and readers per channel.',
  })
  readersByChannel!: ReadershipRow[];
}

@Authorized('readership:read')
@Resolver()
export class LiveResolver {
  @Query(() => Live, { description: 'Readers now, views per minute, top articles, sections and channels.' })
  async live(
    @Arg('filter', () => ReadershipFilter, { nullable: true }) filter: ReadershipFilter | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'Top articles, 1 to 50.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Live> {
    const filters = checkFilter(filter);
    const top = checkLimit('first', first, LISTED);
    const minute = Math.floor(ctx.now.getTime() / MINUTE_MS) * MINUTE_MS;
    const lastHalfHour = { from: new Date(minute - 29 * MINUTE_MS), to: new Date(minute + MINUTE_MS), timeZone: 'UTC' };
    const lastFive = new Date(minute - 4 * MINUTE_MS);
    const { sql, params } = liveSql(filters, lastHalfHour, lastFive, LISTED);
    const sets = new Map<number, LiveRow[]>();
    for (const row of (await selectRows<Record<string, unknown>>(ctx.clickhouse, sql, params)).map(toLiveRow)) {
      const list = sets.get(row.set);
      if (list) list.push(row);
      else sets.set(row.set, [row]);
    }
    const of = (set: number) => sets.get(set) ?? [];
    const recent = (set: number) => of(set).filter((row) => row.recentViews > 0);
    const byMinute = new Map(of(LiveSet.MINUTE).map((row) => [row.bucket * 1000, row]));
    return {
      activeReaders: of(LiveSet.ALL)[0]?.recentReaders ?? 0,
      viewsPerMinute: bucketStarts(lastHalfHour, Interval.MINUTE).map((at) => {
        const row = byMinute.get(at.getTime());
        return { at, views: row?.views ?? 0, uniqueReaders: row?.readers ?? 0 };
      }),
      topArticles: of(LiveSet.ARTICLE)
        .slice(0, top)
        .map((row) => ({ article: { id: row.article }, views: row.views, uniqueReaders: row.readers, shares: 0 })),
      readersBySection: bounded('Live.readersBySection', recent(LiveSet.SECTION)).map((row) =>
        readershipRow({ section: { id: row.section }, views: row.recentViews, uniqueReaders: row.recentReaders }),
      ),
      readersByChannel: bounded('Live.readersByChannel', recent(LiveSet.CHANNEL)).map((row) =>
        readershipRow({ channel: row.channel, views: row.recentViews, uniqueReaders: row.recentReaders }),
      ),
    };
  }
}
