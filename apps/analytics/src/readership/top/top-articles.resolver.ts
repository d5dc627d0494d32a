import { checkLimit } from '@byline/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Int, Query, Resolver, registerEnumType } from 'type-graphql';
import { selectRows } from '../../clickhouse/query.js';
import type { Context } from '../../context.js';
import { RangeInput, RangePreset, resolveRange } from '../range/range.js';
import { checkFilter, Dimension, ReadershipFilter } from '../shared/dimensions.js';
import { asksFor } from '../shared/selection.js';
import { TopArticle } from '../shared/types.js';
import { toViewsRow, viewsSql } from '../views/views.sql.js';
import { topSharedSql } from './top.sql.js';

export enum TopMetric {
  VIEWS = 'VIEWS',
  READERS = 'READERS',
  SHARES = 'SHARES',
}
registerEnumType(TopMetric, { name: 'TopMetric' });

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
export class TopArticlesResolver {
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
}
