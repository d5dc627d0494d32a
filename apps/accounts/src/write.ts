import { badInput } from '@byline/graphql';
import type { DataSource, EntityManager } from 'typeorm';

/** The email's unique constraint (see the migration), the one conflict a client can run into. */
export function isEmailTaken(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'users_email_key';
}

/** Runs a mutation's writes in one transaction; a taken email becomes BAD_USER_INPUT naming `input.email`. */
export async function write<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isEmailTaken(error)) throw badInput('input.email', 'is already used by another user');
    throw error;
  }
}
