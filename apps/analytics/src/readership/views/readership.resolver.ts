import { badInput, checkLimit } from '@byline/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, Info, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { inWindow, selectRows, windowParams } from '../../clickhouse/query.js';
import type { Context } from '../../context.js';
import { bucketStarts, Interval, MAX_BUCKETS } from '../range/interval.js';
import { RangeInput, RangePreset, resolveRange } from '../range/range.js';
import { checkFilter, Dimension, ReadershipFilter } from '../shared/dimensions.js';
import { asksFor } from '../shared/selection.js';
import { ReadershipRow, readershipRow, TopArticle } from '../shared/types.js';
import { topSharedSql } from './top.sql.js';
import { toViewsRow, viewsSql } from './views.sql.js';

export enum TopMetric {
  VIEWS = 'VIEWS',
  READERS = 'READERS',
  SHARES = 'SHARES',
}
registerEnumType(TopMetric, { name: 'TopMetric' });

export enum ShareDimension {
  NETWORK = 'NETWORK',
  SECTION = 'SECTION',
  ARTICLE = 'ARTICLE',
}
registerEnumType(ShareDimension, { name: 'ShareDimension' });

@ObjectType()
export class ShareStat {
  @Field(() => String, { description: 'The network, section id or article id.' })
  key!: string;

  @Field(() => Int)
  shares!: number;
}

const FIELD_OF: Record<Dimension, keyof ReadershipRow> = {
  [Dimension.SECTION]: 'section',
  [Dimension.ARTICLE]: 'article',
  [Dimension.AUTHOR]: 'author',
  [Dimension.EDITION]: 'edition',
  [Dimension.COUNTRY]: 'country',
  [Dimension.REGION]: 'region',
  [Dimension.CHANNEL]: 'channel',
  [Dimension.DEVICE]: 'device',
};
const ENTITY_DIMENSIONS = new Set([Dimension.SECTION, Dimension.ARTICLE, Dimension.AUTHOR]);

async function topArticles(
  ctx: Context,
  range: ReturnType<typeof resolveRange>,
  filter: ReturnType<typeof checkFilter>,
  by: TopMetric,
  first: number,
  readers = true,
) {
  if (by === TopMetric.SHARES) {
    const { sql, params } = topSharedSql(range, filter, first);
    const rows = await selectRows<{ id: string; views: string; readers: string; shares: string }>(
      ctx.clickhouse,
      sql,
      params,
    );
    return rows.map((row) => ({
      article: { id: row.id },
      views: Number(row.views),
      uniqueReaders: Number(row.readers),
      shares: Number(row.shares),
    }));
  }
  const { sql, params } = viewsSql({
    range,
    groupBy: [Dimension.ARTICLE],
    filters: filter,
    limit: first,
    now: ctx.now,
    orderBy: by === TopMetric.READERS ? 'readers' : 'views',
    readers,
  });
  const rows = (await selectRows<Record<string, unknown>>(ctx.clickhouse, sql, params)).map((row) =>
    toViewsRow(row, 1),
  );
  return rows.map((row) => ({
    article: { id: row.keys[0] as string },
    views: row.views,
    uniqueReaders: row.readers,
    shares: 0,
  }));
}

@Authorized('readership:read')
@Resolver()
export class ReadershipResolver {
  @Query(() => [ReadershipRow], {
    description:
      'Views and unique readers grouped by up to three dimensions (and optionally per time bucket), biggest first.',
  })
  async readership(
    @Arg('by', () => [Dimension]) by: Dimension[],
    @Arg('filter', () => ReadershipFilter, { nullable: true }) filter: ReadershipFilter | null,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Arg('interval', () => Interval, { nullable: true }) interval: Interval | null,
    @Arg('first', () => Int, { defaultValue: 100, description: '1 to 5000 rows.' }) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReadershipRow[]> {
    const groupBy = [...new Set(by)];
    if (groupBy.length > 3) throw badInput('by', 'at most 3 dimensions');
    const resolved = resolveRange(range ?? { preset: RangePreset.LAST_30_DAYS }, ctx.timeZone, ctx.now);
    if (interval) bucketStarts(resolved, interval);
    const { sql, params } = viewsSql({
      range: resolved,
      groupBy,
      filters: checkFilter(filter),
      interval: interval ?? undefined,
      limit: checkLimit('first', first, Math.max(5000, MAX_BUCKETS)),
      readers: asksFor(info, 'uniqueReaders'),
      now: ctx.now,
    });
    const rows = (await selectRows<Record<string, unknown>>(ctx.clickhouse, sql, params)).map((row) =>
      toViewsRow(row, groupBy.length),
    );
    return rows.map((row) => {
      const result = readershipRow({
        bucket: row.bucket !== undefined ? new Date(row.bucket * 1000) : null,
        views: row.views,
        uniqueReaders: row.readers,
      });
      groupBy.forEach((dimension, i) => {
        const value = row.keys[i] ?? '';
        Object.assign(result, { [FIELD_OF[dimension]]: ENTITY_DIMENSIONS.has(dimension) ? { id: value } : value });
      });
      return result;
    });
  }

  @Query(() => [TopArticle], { description: 'Articles ranked by views, unique readers or shares.' })
  topArticles(
    @Arg('by', () => TopMetric, { defaultValue: TopMetric.VIEWS }) by: TopMetric,
    @Arg('filter', () => ReadershipFilter, { nullable: true }) filter: ReadershipFilter | null,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Arg('first', () => Int, { defaultValue: 10, description: '1 to 100.' }) first: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TopArticle[]> {
    const resolved = resolveRange(range ?? { preset: RangePreset.LAST_30_DAYS }, ctx.timeZone, ctx.now);
    const readers = asksFor(info, 'uniqueReaders');
    return topArticles(ctx, resolved, checkFilter(filter), by, checkLimit('first', first, 100), readers);
  }

  @Query(() => [ShareStat], { description: 'Shares grouped by network, section or article, most first.' })
  async shareStats(
    @Arg('by', () => ShareDimension) by: ShareDimension,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Arg('first', () => Int, { defaultValue: 20, description: '1 to 1000.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ShareStat[]> {
    const resolved = resolveRange(range ?? { preset: RangePreset.LAST_30_DAYS }, ctx.timeZone, ctx.now);
    const column = { NETWORK: 'network', SECTION: 'toString(section_id)', ARTICLE: 'toString(article_id)' }[by];
    const rows = await selectRows<{ key: string; shares: string }>(
      ctx.clickhouse,
      `SELECT ${column} AS key, sum(shares) AS shares
         FROM shares_by_minute
        WHERE ${inWindow('minute')}
        GROUP BY key ORDER BY shares DESC, key LIMIT {limit:UInt32}`,
      { ...windowParams(resolved), limit: checkLimit('first', first, 1000) },
    );
    return rows.map((row) => ({ key: row.key, shares: Number(row.shares) }));
  }
}
