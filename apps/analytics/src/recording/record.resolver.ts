import { badInput } from '@byline/graphql';
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { IngestError, type Reader } from '../ingest/ingest.js';
import { parsePayload } from '../ingest/payload.js';
import { SpoolFullError } from '../ingest/pipeline.js';

@InputType({
  description: 'The reader a server-side client records for; used for the visitor id and geo, never stored.',
})
class ReaderInput {
  @Field(() => String, { nullable: true, description: "The reader's IP; default: the caller's." })
  ip?: string | null;

  @Field(() => String, { nullable: true, description: "The reader's user agent; default: the caller's." })
  userAgent?: string | null;
}

@InputType()
class RecordViewInput {
  @Field(() => ID)
  articleId!: string;

  @Field(() => String, { description: 'The page URL the article was read at.' })
  url!: string;

  @Field(() => String, { nullable: true })
  referrer?: string | null;

  @Field(() => ID, { nullable: true, description: 'A UUID, to let a retried call be recognised.' })
  id?: string | null;

  @Field(() => ReaderInput, { nullable: true })
  reader?: ReaderInput | null;
}

@InputType()
class RecordShareInput {
  @Field(() => ID)
  articleId!: string;

  @Field(() => String, {
    description: 'facebook, x, telegram, whatsapp, vk, linkedin, reddit, email, copy_link, print, native_share.',
  })
  network!: string;

  @Field(() => String)
  url!: string;

  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => ReaderInput, { nullable: true })
  reader?: ReaderInput | null;
}

@ObjectType()
class RecordResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => Int, { description: 'Events from bots are dropped, not refused.' })
  dropped!: number;
}

/**
 * The original caller: through the gateway, the address and user agent it
 * saw, signed in the identity (this request is the gateway's own); the
 * request's own client when a service calls directly.
 */
function callerOf(ctx: Context): Reader {
  const { ip, userAgent } = ctx.identity;
  return ip === undefined ? ctx.client : { ip, userAgent: userAgent ?? '' };
}

/** The same validation and pipeline as POST /collect, for server-side clients. */
async function record(ctx: Context, event: Record<string, unknown>, reader: ReaderInput | null | undefined) {
  const withoutNulls = Object.fromEntries(
    Object.entries(event).filter(([, value]) => value !== null && value !== undefined),
  );
  const parsed = parsePayload(JSON.stringify(withoutNulls));
  if (!parsed.ok) throw badInput(`input.${parsed.field}`, parsed.message);
  try {
    const caller = callerOf(ctx);
    return await ctx.ingest.record(
      parsed,
      // A reader given by the caller is not the one the CDN saw: its country is looked up from its IP.
      reader?.ip || reader?.userAgent
        ? { ip: reader.ip ?? caller.ip, userAgent: reader.userAgent ?? caller.userAgent }
        : caller,
    );
  } catch (error) {
    if (error instanceof IngestError) throw badInput(`input.${error.field}`, error.reason);
    if (error instanceof SpoolFullError) {
      throw new GraphQLError('busy: events are not being accepted now; retry shortly', {
        extensions: { code: 'UNAVAILABLE' },
      });
    }
    throw error;
  }
}

@Authorized()
@Resolver()
export class RecordResolver {
  @Mutation(() => RecordResult, { description: 'Records an article view, as the tracking snippet does.' })
  recordView(@Arg('input', () => RecordViewInput) input: RecordViewInput, @Ctx() ctx: Context): Promise<RecordResult> {
    const { reader, ...event } = input;
    return record(ctx, { type: 'view', ...event }, reader);
  }

  @Mutation(() => RecordResult, { description: 'Records a share of an article on a network.' })
  recordShare(
    @Arg('input', () => RecordShareInput) input: RecordShareInput,
    @Ctx() ctx: Context,
  ): Promise<RecordResult> {
    const { reader, ...event } = input;
    return record(ctx, { type: 'share', ...event }, reader);
  }
}
