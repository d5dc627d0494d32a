import { badInput, checkId, checkLimit } from '@byline/graphql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, userIdOf } from '../context.js';
import { nameProblem } from '../credentials/rules.js';
import { API_TOKEN_PREFIX, newToken, tokenHash } from '../credentials/tokens.js';
import { roleOf } from '../users/role.js';
import { write } from '../write.js';
import { CreateApiTokenInput } from './api-token.input.js';
import { ApiToken, NewApiToken } from './api-token.type.js';
import { insertApiToken, listApiTokens, revokeApiToken } from './api-tokens.sql.js';

const MAX_DAYS = 365;
const DAY_MS = 86_400_000;

@Authorized('users:manage')
@Resolver(() => ApiToken)
export class ApiTokensResolver {
  @Query(() => [ApiToken], { description: 'Newest first, revoked and expired ones included.' })
  apiTokens(
    @Arg('first', () => Int, { defaultValue: 200, description: '1 to 1000.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ApiToken[]> {
    return listApiTokens(ctx.db, checkLimit('first', first, 1000));
  }

  @Mutation(() => NewApiToken)
  async createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<NewApiToken> {
    const problem = nameProblem(input.name);
    if (problem) throw badInput('input.name', problem);
    if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > MAX_DAYS) {
      throw badInput('input.expiresInDays', `must be between 1 and ${MAX_DAYS}`);
    }
    const token = newToken(API_TOKEN_PREFIX);
    const now = ctx.clock();
    const apiToken = await write(ctx.db, (tx) =>
      insertApiToken(tx, {
        name: input.name.trim(),
        role: roleOf(input.role),
        tokenHash: tokenHash(token),
        createdBy: userIdOf(ctx.identity),
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
      }),
    );
    return { token, apiToken };
  }

  @Mutation(() => ApiToken, { description: 'Stops a token from working (within the gateway’s few-second cache).' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiToken> {
    checkId('id', id);
    const revoked = await write(ctx.db, (tx) => revokeApiToken(tx, id, ctx.clock()));
    if (!revoked) throw badInput('id', `no API token ${id}`);
    return revoked;
  }
}
