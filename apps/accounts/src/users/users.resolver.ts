import { badInput, checkId, checkLimit } from '@byline/graphql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type Context, userIdOf } from '../context.js';
import { revokeUserSessions } from '../sessions/sessions.sql.js';
import { write } from '../write.js';
import { roleOf } from './role.js';
import { CreateUserInput, UpdateUserInput } from './user.input.js';
import { User } from './user.type.js';
import { createUser, updateUser } from './users.js';
import { listUsers, userById } from './users.sql.js';

@Resolver(() => User)
export class UsersResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user; null when anonymous or for an API token.' })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    const id = userIdOf(ctx.identity);
    return id ? ((await userById(ctx.db, id)) ?? null) : null;
  }

  @Authorized('users:manage')
  @Query(() => [User], { description: 'Users in the order they were created.' })
  users(
    @Arg('first', () => Int, { defaultValue: 200, description: '1 to 1000.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<User[]> {
    return listUsers(ctx.db, checkLimit('first', first, 1000));
  }

  @Authorized('users:manage')
  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    return createUser(ctx, { ...input, role: roleOf(input.role) });
  }

  @Authorized('users:manage')
  @Mutation(() => User)
  updateUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ): Promise<User> {
    return updateUser(ctx, id, { ...input, role: input.role ? roleOf(input.role) : null });
  }

  @Authorized('users:manage')
  @Mutation(() => Int, { description: 'Ends every session of a user; returns how many were live.' })
  revokeSessions(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<number> {
    checkId('userId', userId);
    return write(ctx.db, async (tx) => {
      if (!(await userById(tx, userId, true))) throw badInput('userId', `no user ${userId}`);
      return revokeUserSessions(tx, userId, ctx.clock());
    });
  }
}
