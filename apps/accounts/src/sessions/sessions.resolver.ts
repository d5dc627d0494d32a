import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { changePassword, login, logout } from './login.js';
import { Session } from './session.type.js';

@Resolver(() => Session)
export class SessionsResolver {
  @Mutation(() => Session, { description: 'Signs in: 5 failed attempts a minute per account and per IP at most.' })
  login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<Session> {
    return login(ctx, email, password);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return logout(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes your password; your other sessions end.' })
  changePassword(
    @Arg('current', () => String) current: string,
    @Arg('new', () => String) next: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return changePassword(ctx, current, next);
  }
}
