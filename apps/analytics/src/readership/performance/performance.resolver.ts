import { Arg, Authorized, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { batched, type Context } from '../../context.js';
import { previousPeriod, RangeInput, RangePreset, rangeKey, resolveRange } from '../range/range.js';
import { AuthorEntity, SectionEntity } from '../shared/entities.js';
import { emptyFigures, type PeriodFigures } from './figures.js';
import { periodFigures, type Subject } from './performance.sql.js';

@ObjectType({ description: 'Readership of a section or an author in one period.' })
export class PeriodStats {
  @Field(() => Int)
  views!: number;

  @Field(() => Int)
  uniqueReaders!: number;

  @Field(() => Int, { description: 'Distinct articles read in the period.' })
  articlesRead!: number;

  @Field(() => Float, { nullable: true })
  viewsPerArticle!: number | null;

  @Field(() => Int)
  shares!: number;

  @Field(() => Float, { nullable: true })
  sharesPerThousandViews!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average engaged seconds per engaged page view.' })
  averageEngagedSeconds!: number | null;
}

@ObjectType({ description: 'Change against the previous period, in percent; null when the previous value is 0.' })
export class PeriodChange {
  @Field(() => Float, { nullable: true })
  views!: number | null;

  @Field(() => Float, { nullable: true })
  uniqueReaders!: number | null;

  @Field(() => Float, { nullable: true })
  articlesRead!: number | null;

  @Field(() => Float, { nullable: true })
  viewsPerArticle!: number | null;

  @Field(() => Float, { nullable: true })
  shares!: number | null;

  @Field(() => Float, { nullable: true })
  sharesPerThousandViews!: number | null;

  @Field(() => Float, { nullable: true })
  averageEngagedSeconds!: number | null;
}

@ObjectType()
export class Performance {
  @Field(() => PeriodStats)
  current!: PeriodStats;

  @Field(() => PeriodStats, { description: 'The period of the same length just before.' })
  previous!: PeriodStats;

  @Field(() => PeriodChange)
  change!: PeriodChange;
}

const ratio = (a: number, b: number, scale = 1) => (b > 0 ? (a / b) * scale : null);

function toStats(figures: PeriodFigures): PeriodStats {
  return {
    views: figures.views,
    uniqueReaders: figures.uniqueReaders,
    articlesRead: figures.articlesRead,
    viewsPerArticle: ratio(figures.views, figures.articlesRead),
    shares: figures.shares,
    sharesPerThousandViews: ratio(figures.shares, figures.views, 1000),
    averageEngagedSeconds: ratio(figures.engagedSeconds, figures.engagedViews),
  };
}

function change(current: PeriodStats, previous: PeriodStats): PeriodChange {
  const percent = (key: keyof PeriodStats) => {
    const [now, before] = [current[key], previous[key]];
    return now === null || before === null || before === 0 ? null : ((now - before) / before) * 100;
  };
  return {
    views: percent('views'),
    uniqueReaders: percent('uniqueReaders'),
    articlesRead: percent('articlesRead'),
    viewsPerArticle: percent('viewsPerArticle'),
    shares: percent('shares'),
    sharesPerThousandViews: percent('sharesPerThousandViews'),
    averageEngagedSeconds: percent('averageEngagedSeconds'),
  };
}

/** Performance of one section or author, batched with every other one asked for in the request. */
async function performance(subject: Subject, id: string, range: RangeInput | null, ctx: Context): Promise<Performance> {
  const current = resolveRange(range ?? { preset: RangePreset.LAST_30_DAYS }, ctx.timeZone, ctx.now);
  const previous = previousPeriod(current);
  const key = `${subject}-performance:${rangeKey(current)}`;
  const figures = await batched(
    ctx,
    key,
    (ids) => periodFigures(ctx.clickhouse, subject, ids, current, previous, ctx),
    emptyFigures(),
  ).load(id);
  const stats = { current: toStats(figures.current), previous: toStats(figures.previous) };
  return { ...stats, change: change(stats.current, stats.previous) };
}

const DESCRIPTION = 'Readership over the range (default: 30 days) against the period before it.';

@Authorized('readership:read')
@Resolver(() => SectionEntity)
export class SectionPerformanceResolver {
  @FieldResolver(() => Performance, { description: DESCRIPTION })
  performance(
    @Root() section: SectionEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<Performance> {
    return performance('section', section.id, range, ctx);
  }
}

@Authorized('readership:read')
@Resolver(() => AuthorEntity)
export class AuthorPerformanceResolver {
  @FieldResolver(() => Performance, { description: DESCRIPTION })
  performance(
    @Root() author: AuthorEntity,
    @Arg('range', () => RangeInput, { nullable: true }) range: RangeInput | null,
    @Ctx() ctx: Context,
  ): Promise<Performance> {
    return performance('author', author.id, range, ctx);
  }
}
