import { badInput, batcher } from '@byline/graphql';
import { ArgsType, Field, GraphQLISODateTime } from 'type-graphql';
import { publishedCounts } from '../articles/published-counts.sql.js';
import type { Context } from '../context.js';
import type { PublishedWindow } from './published-window-bounds.js';

@ArgsType()
export class PublishedWindowArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Inclusive start; default: 30 days before `to`.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive end; default: now.' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only this edition; default: all.' })
  edition?: string | null;
}

const DAY = 86_400_000;

function checkWindow(args: PublishedWindowArgs, editions: ReadonlyMap<string, string>, now: Date): PublishedWindow {
  const to = args.to ?? now;
  const from = args.from ?? new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw badInput('to', 'must be later than from');
  if (args.edition && !editions.has(args.edition)) throw badInput('edition', 'unknown edition');
  return { from, to, edition: args.edition ?? null };
}

const windowKey = (window: PublishedWindow) => `${window.from.getTime()}-${window.to.getTime()}-${window.edition}`;

/** `Section/Author.articlesPublished`: batched per window, one SQL query for every entity asked for. */
export function articlesPublished(
  ctx: Context,
  by: 'section' | 'author',
  id: string,
  args: PublishedWindowArgs,
): Promise<number> {
  const window = checkWindow(args, ctx.editions, ctx.now);
  return batcher(
    ctx.batchers,
    `published-by-${by}:${windowKey(window)}`,
    (ids) => publishedCounts(ctx.db, by, ids, window),
    0,
  ).load(id);
}
