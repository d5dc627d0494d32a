import { checkLimit } from '@byline/graphql';
import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { inWindow, selectRows, windowParams } from '../../clickhouse/query.js';
import type { Context } from '../../context.js';
import { RangeInput, RangePreset, resolveRange } from '../range/range.js';

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

@Authorized('readership:read')
@Resolver()
export class ShareStatsResolver {
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
