import { isRole, type Role } from '@byline/auth';
import { badInput, checkId } from '@byline/graphql';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../clock.js';
import type { Context } from '../context.js';
import { hashPassword } from '../credentials/passwords.js';
import {
  defaultName,
  emailProblem,
  nameProblem,
  normalEmail,
  type Problem,
  passwordProblem,
  roleProblem,
} from '../credentials/rules.js';
import { revokeUserSessions } from '../sessions/sessions.sql.js';
import { write } from '../write.js';
import type { User } from './user.type.js';
import { insertUser, otherEnabledAdmins, type UserChanges, updateUserRow, userById } from './users.sql.js';

export interface NewUser {
  email: string;
  name?: string | null | undefined;
  role: string;
  password: string;
}

/** The first rule a new user breaks, by field (`email`, `name`, `role`, `password`), or null. */
export function newUserProblem(user: NewUser): { field: keyof NewUser; message: string } | null {
  const checks: [keyof NewUser, Problem][] = [
    ['email', emailProblem(user.email.trim())],
    ['name', user.name == null ? null : nameProblem(user.name)],
    ['role', roleProblem(user.role)],
    ['password', passwordProblem(user.password)],
  ];
  const broken = checks.find(([, problem]) => problem !== null);
  return broken ? { field: broken[0], message: broken[1] ?? '' } : null;
}

/** Adds a user that passed `newUserProblem`; the email's unique constraint may still refuse it. */
export async function addUser(db: Pick<EntityManager, 'query'>, clock: Clock, user: NewUser): Promise<User> {
  const email = normalEmail(user.email);
  return insertUser(db, {
    email,
    name: user.name?.trim() || defaultName(email),
    role: user.role as Role,
    passwordHash: await hashPassword(user.password),
    createdAt: clock(),
  });
}

export async function createUser(ctx: Context, input: NewUser): Promise<User> {
  const problem = newUserProblem(input);
  if (problem) throw badInput(`input.${problem.field}`, problem.message);
  return write(ctx.db, (tx) => addUser(tx, ctx.clock, input));
}

export interface UserUpdate {
  name?: string | null | undefined;
  role?: Role | null | undefined;
  disabled?: boolean | null | undefined;
  password?: string | null | undefined;
}

/**
 * Changes a user in one transaction. Disabling them or setting their
 * password revokes their sessions; the last enabled admin cannot be demoted
 * or disabled (nobody could manage users any more).
 */
export async function updateUser(ctx: Context, id: string, input: UserUpdate): Promise<User> {
  checkId('id', id);
  const nameIssue = input.name == null ? null : nameProblem(input.name);
  if (nameIssue) throw badInput('input.name', nameIssue);
  const passwordIssue = input.password == null ? null : passwordProblem(input.password);
  if (passwordIssue) throw badInput('input.password', passwordIssue);
  const changes: UserChanges = {
    name: input.name?.trim() ?? undefined,
    role: input.role && isRole(input.role) ? input.role : undefined,
    disabled: input.disabled ?? undefined,
    passwordHash: input.password == null ? undefined : await hashPassword(input.password),
  };
  return write(ctx.db, async (tx) => {
    const user = await userById(tx, id, true);
    if (!user) throw badInput('id', `no user ${id}`);
    const losesAdmin =
      user.role === 'ADMIN' && !user.disabled && (changes.disabled || (changes.role ?? 'admin') !== 'admin');
    if (losesAdmin && (await otherEnabledAdmins(tx, id)) === 0) {
      throw badInput(changes.disabled ? 'input.disabled' : 'input.role', 'would leave no enabled admin');
    }
    await updateUserRow(tx, id, changes);
    if (changes.disabled || changes.passwordHash) await revokeUserSessions(tx, id, ctx.clock());
    const updated = await userById(tx, id);
    if (!updated) throw new Error(`user ${id} vanished during an update`);
    return updated;
  });
}
