import { badInput } from '@byline/graphql';
import { ArgsType, Field, GraphQLISODateTime } from 'type-graphql';

@ArgsType()
export class PublishedWindowArgs {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Inclusive start; default: 30 days before `to`.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive end; default: now.' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'Only this edition; default: all.' })
  edition?: string | null;
}

export interface PublishedWindow {
  from: Date;
  to: Date;
  edition: string | null;
}

const DAY = 86_400_000;

export function checkWindow(
  args: PublishedWindowArgs,
  editions: ReadonlyMap<string, string>,
  now: Date,
): PublishedWindow {
  const to = args.to ?? now;
  const from = args.from ?? new Date(to.getTime() - 30 * DAY);
  if (from >= to) throw badInput('to', 'must be later than from');
  if (args.edition && !editions.has(args.edition)) throw badInput('edition', 'unknown edition');
  return { from, to, edition: args.edition ?? null };
}

export const windowKey = (window: PublishedWindow) =>
  `${window.from.getTime()}-${window.to.getTime()}-${window.edition}`;
