import { badInput, checkLimit } from '@byline/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { selectRows } from '../../clickhouse/query.js';
import type { Context } from '../../context.js';
import { bucketStarts, Interval, MAX_BUCKETS } from '../range/interval.js';
import { RangeInput, RangePreset, resolveRange } from '../range/range.js';
import { checkFilter, Dimension, ReadershipFilter } from '../shared/dimensions.js';
import { asksFor } from '../shared/selection.js';
import { ReadershipRow, readershipRow } from '../shared/types.js';
import { toViewsRow, viewsSql } from './views.sql.js';

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
}
