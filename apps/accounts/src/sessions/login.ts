import { badInput } from '@byline/graphql';
import { GraphQLError } from 'graphql';
import { type Context, userIdOf } from '../context.js';
import { hashPassword, verifyNothing, verifyPassword } from '../credentials/passwords.js';
import { EMAIL_MAX, normalEmail, PASSWORD_MAX, passwordProblem } from '../credentials/rules.js';
import { newToken, SESSION_PREFIX, tokenHash } from '../credentials/tokens.js';
import { credentialsByEmail, passwordHashOf, updateUserRow, userById } from '../users/users.sql.js';
import { write } from '../write.js';
import type { Session } from './session.type.js';
import { insertSession, revokeSession, revokeUserSessions } from './sessions.sql.js';

const WRONG = 'wrong email or password';

function rateLimited(seconds: number): GraphQLError {
  return new GraphQLError(`too many failed sign-ins: try again in ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds },
  });
}

/** Counts the attempt against the account and the client's IP; throws RATE_LIMITED when either has used its minute. */
function beginAttempt(ctx: Context, email: string, now: Date): () => void {
  const keys = [`account:${normalEmail(email)}`, ...(ctx.identity.ip ? [`ip:${ctx.identity.ip}`] : [])];
  const attempt = ctx.limiter.begin(keys, now.getTime());
  if ('retryAfterSeconds' in attempt) throw rateLimited(attempt.retryAfterSeconds);
  return attempt.succeeded;
}

/**
 * Signs a user in. Unknown emails, wrong passwords and disabled users get the
 * same answer after about the same time (a dummy hash is verified for unknown
 * emails), and every failure counts towards the per-account and per-IP limits.
 */
export async function login(ctx: Context, email: string, password: string): Promise<Session> {
  if (email.length > EMAIL_MAX) throw badInput('email', `must be at most ${EMAIL_MAX} characters`);
  if (password.length > PASSWORD_MAX) throw badInput('password', `must be at most ${PASSWORD_MAX} characters`);
  const now = ctx.clock();
  const succeeded = beginAttempt(ctx, email, now);
  const found = await credentialsByEmail(ctx.db, normalEmail(email));
  const matches = found ? await verifyPassword(found.passwordHash, password) : await verifyNothing(password);
  if (!found || !matches || found.user.disabled) {
    throw new GraphQLError(WRONG, { extensions: { code: 'UNAUTHENTICATED' } });
  }
  succeeded();
  const token = newToken(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + ctx.sessionTtlMs);
  const { user } = found;
  await write(ctx.db, async (tx) => {
    await insertSession(tx, { userId: user.id, tokenHash: tokenHash(token), createdAt: now, expiresAt });
    await updateUserRow(tx, user.id, { lastLoginAt: now });
  });
  return { token, expiresAt, user: { ...user, lastLoginAt: now } };
}

/** Ends the session the request came with; false for API tokens, which have none. */
export async function logout(ctx: Context): Promise<boolean> {
  const userId = userIdOf(ctx.identity);
  const { sid } = ctx.identity;
  if (!userId || !sid) return false;
  return write(ctx.db, (tx) => revokeSession(tx, userId, sid, ctx.clock()));
}

/**
 * Sets the signed-in user's password after checking the current one (which
 * counts towards the login limits, as guessing it here is guessing a login).
 * Every other session of the user is revoked; this one stays.
 */
export async function changePassword(ctx: Context, current: string, next: string): Promise<boolean> {
  const userId = userIdOf(ctx.identity);
  if (!userId) throw new GraphQLError('only a signed-in person has a password', { extensions: { code: 'FORBIDDEN' } });
  if (current.length > PASSWORD_MAX) throw badInput('current', 'is wrong');
  const problem = passwordProblem(next);
  if (problem) throw badInput('new', problem);
  const user = await userById(ctx.db, userId);
  const stored = await passwordHashOf(ctx.db, userId);
  if (!user || !stored) throw new GraphQLError('sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
  const now = ctx.clock();
  const succeeded = beginAttempt(ctx, user.email, now);
  if (!(await verifyPassword(stored, current))) throw badInput('current', 'is wrong');
  succeeded();
  const passwordHash = await hashPassword(next);
  await write(ctx.db, async (tx) => {
    await updateUserRow(tx, userId, { passwordHash });
    await revokeUserSessions(tx, userId, now, ctx.identity.sid);
  });
  return true;
}
