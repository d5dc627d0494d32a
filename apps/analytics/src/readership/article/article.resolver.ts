import { bounded } from '@byline/graphql';
import type { ClickHouseClient } from '@clickhouse/client';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root, registerEnumType } from 'type-graphql';
import { selectRows } from '../../clickhouse/query.js';
import { batched, type Context, type Load } from '../../context.js';
import { bucketStarts, Interval } from '../range/interval.js';
import { RangeInput, RangePreset, rangeKey, resolveRange, type TimeRange } from '../range/range.js';
import { coalesced } from '../shared/coalesced.js';
import { Dimension } from '../shared/dimensions.js';
import { ArticleEntity } from '../shared/entities.js';
import { TimePoint } from '../shared/types.js';
import { toViewsRow, type ViewsRow, viewsSql } from '../views/views.sql.js';
import { articleShares, engagedTimes, groupByArticle, viewsBackBySocialNetwork } from './shares.sql.js';
import { type ArticleTotals, articleTotals, NO_TOTALS } from './totals.sql.js';
import { Amplification, Breakdown, EngagedTime, type NetworkCount, ShareSummary } from './types.js';

export enum ArticleDimension {
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  CHANNEL = 'CHANNEL',
  EDITION = 'EDITION',
  DEVICE = 'DEVICE',
}
registerEnumType(ArticleDimension, { name: 'ArticleDimension' });

/** Views rows of many articles in one query, grouped by article (and `extra` dimension / interval). */
async function articleViews(
  ctx: Context,
  ids: readonly string[],
  range: TimeRange,
  extra?: Dimension,
  interval?: Interval,
) {
  const { sql, params } = viewsSql({
    range,
    groupBy: extra ? [Dimension.ARTICLE, extra] : [Dimension.ARTICLE],
    filters: { [Dimension.ARTICLE]: [...ids] },
    interval,
    limit: 1_000_000,
    now: ctx.now,
  });
  const rows = (await selectRows<Record<string, unknown>>(ctx.clickhouse, sql, params)).map((row) => {
    const figures = toViewsRow(row, extra ? 2 : 1);
    return { ...figures, id: figures.keys[0] as string };
  });
  return groupByArticle<ViewsRow>(rows);
}

/**
 * The range asked for, checked, or undefined for all time (no range, or only a
 * time zone): the lifetime totals, the same events as `resolveRange`'s all-time
 * window since events are stamped on arrival.
 */
function rangeAsked(range: RangeInput | null | undefined, ctx: Context): TimeRange | undefined {
  if (!range) return undefined;
  const resolved = resolveRange(range, ctx.timeZone, ctx.now);
  return range.preset || range.from || range.to ? resolved : undefined;
}

/** Lifetime totals take no range, so concurrent requests share their queries (see `coalesced`). */
const lifetimeLoads = new WeakMap<ClickHouseClient, Load<ArticleTotals>>();

function lifetimeLoad(client: ClickHouseClient): Load<ArticleTotals> {
  let load = lifetimeLoads.get(client);
  if (!load) {
    load = coalesced((ids) => articleTotals(client, ids));
    lifetimeLoads.set(client, load);
  }
  return load;
}

@Authorized('readership:read')
@Resolver(() => ArticleEntity)
export class ArticleReadershipResolver {
  private totals(article: ArticleEntity, resolved: TimeRange, ctx: Context) {
    return batched(ctx, `article-totals:${rangeKey(resolved)}`, (ids) => articleViews(ctx, ids, resolved), []).load(
      article.id,
    );
  }

  /** Lifetime views and shares, one query for all the request's articles. */
  private lifetime(article: ArticleEntity, ctx: Context) {
    return batched(ctx, 'article-lifetime', lifetimeLoad(ctx.clickhouse), NO_TOTALS).load(article.id);
  }

  private sharesByNetwork(
    article: ArticleEntity,
    range: RangeInput | null | undefined,
    ctx: Context,
  ): Promise<NetworkCount[]> {
    const resolved = rangeAsked(range, ctx);
    if (!resolved) return this.lifetime(article, ctx).then((totals) => totals.shares);
    return batched(
      ctx,
      `article-shares:${rangeKey(resolved)}`,
      (ids) => articleShares(ctx.clickhouse, ids, resolved),
      [],
    ).load(article.id);
  }

  @FieldResolver(() => Int, { description: 'Views over the range; all time when no range is given.' })
  async views(
    @Root() article: ArticleEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const resolved = rangeAsked(range, ctx);
    if (!resolved) return (await this.lifetime(article, ctx)).views;
    return (await this.totals(article, resolved, ctx))[0]?.views ?? 0;
  }

  @FieldResolver(() => Int, { description: 'Distinct readers (cookieless daily visitor ids) over the range.' })
  async uniqueReaders(
    @Root() article: ArticleEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return (await this.totals(article, resolveRange(range, ctx.timeZone, ctx.now), ctx))[0]?.readers ?? 0;
  }

  @FieldResolver(() => [TimePoint], { description: 'Views per bucket, zeros included; default range: 30 days.' })
  async viewsTimeline(
    @Root() article: ArticleEntity,
    @Arg('interval', () => Interval, { defaultValue: Interval.DAY }) interval: Interval,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<TimePoint[]> {
    const resolved = resolveRange(range ?? { preset: RangePreset.LAST_30_DAYS }, ctx.timeZone, ctx.now);
    const starts = bucketStarts(resolved, interval);
    const rows = await batched(
      ctx,
      `article-timeline:${interval}:${rangeKey(resolved)}`,
      (ids) => articleViews(ctx, ids, resolved, undefined, interval),
      [] as ViewsRow[],
    ).load(article.id);
    const byBucket = new Map(rows.map((row) => [(row.bucket ?? 0) * 1000, row]));
    return starts.map((at) => {
      const row = byBucket.get(at.getTime());
      return { at, views: row?.views ?? 0, uniqueReaders: row?.readers ?? 0 };
    });
  }

  @FieldResolver(() => [Breakdown], { description: 'Views by one dimension, biggest first.' })
  async readership(
    @Root() article: ArticleEntity,
    @Arg('by', () => ArticleDimension) by: ArticleDimension,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<Breakdown[]> {
    const resolved = resolveRange(range, ctx.timeZone, ctx.now);
    const dimension = Dimension[by];
    const rows = await batched(
      ctx,
      `article-by:${by}:${rangeKey(resolved)}`,
      (ids) => articleViews(ctx, ids, resolved, dimension),
      [] as ViewsRow[],
    ).load(article.id);
    return bounded('Article.readership', rows).map((row) => ({
      value: row.keys[1] ?? '',
      views: row.views,
      uniqueReaders: row.readers,
    }));
  }

  @FieldResolver(() => ShareSummary, { description: 'Shares over the range (all time by default), per network.' })
  async shares(
    @Root() article: ArticleEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<ShareSummary> {
    const byNetwork = await this.sharesByNetwork(article, range, ctx);
    return {
      total: byNetwork.reduce((sum, entry) => sum + entry.count, 0),
      byNetwork: bounded('ShareSummary.byNetwork', byNetwork),
    };
  }

  @FieldResolver(() => [Amplification], { description: 'Per social network: shares, and the views they brought back.' })
  async amplification(
    @Root() article: ArticleEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<Amplification[]> {
    const resolved = resolveRange(range, ctx.timeZone, ctx.now);
    const key = rangeKey(resolved);
    const [shares, viewsBack] = await Promise.all([
      this.sharesByNetwork(article, range, ctx),
      batched(
        ctx,
        `article-views-back:${key}`,
        (ids) => viewsBackBySocialNetwork(ctx.clickhouse, ids, resolved),
        [],
      ).load(article.id),
    ]);
    const networks = new Set([...shares.map((s) => s.network), ...viewsBack.map((v) => v.network)]);
    const rows = [...networks].map((network) => {
      const shared = shares.find((s) => s.network === network)?.count ?? 0;
      const back = viewsBack.find((v) => v.network === network)?.count ?? 0;
      return { network, shares: shared, viewsBack: back, viewsPerShare: shared > 0 ? back / shared : null };
    });
    // Biggest first, so the cut at the list's maximum drops the smallest networks.
    rows.sort((a, b) => b.shares + b.viewsBack - (a.shares + a.viewsBack) || a.network.localeCompare(b.network));
    return bounded('Article.amplification', rows);
  }

  @FieldResolver(() => EngagedTime, { description: 'Engaged reading time from the heartbeats of the snippet.' })
  async engagedTime(
    @Root() article: ArticleEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<EngagedTime> {
    const resolved = resolveRange(range, ctx.timeZone, ctx.now);
    const empty = { engagedViews: 0, totalSeconds: 0 };
    const time = await batched(
      ctx,
      `article-engaged:${rangeKey(resolved)}`,
      (ids) => engagedTimes(ctx.clickhouse, 'article_id', ids, resolved),
      empty,
    ).load(article.id);
    return { ...time, averageSeconds: time.engagedViews > 0 ? time.totalSeconds / time.engagedViews : null };
  }
}
