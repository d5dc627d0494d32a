import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addUser, type Clock, countUsers, generatePassword } from '@byline/accounts';
import { ROLES, type Role } from '@byline/auth';
import type { DataSource } from 'typeorm';

export interface DemoUser {
  email: string;
  role: Role;
  password: string;
}

/** Where the demo users' passwords are kept (0600) for `pnpm start` to print. */
export function demoUsersFile(dataDir: string): string {
  return join(dataDir, 'demo-users.json');
}

/**
 * On a database without users, creates one per role (`<role>@byline.example`)
 * with random passwords, written to the demo-users file before the users are
 * committed. Returns them, or an empty list when users already exist.
 */
export async function createDemoUsersIfNone(db: DataSource, clock: Clock, dataDir: string): Promise<DemoUser[]> {
  return db.transaction(async (tx) => {
    // Two services starting at once: the second waits here, then finds the users.
    await tx.query('LOCK TABLE accounts.users IN EXCLUSIVE MODE');
    if ((await countUsers(tx)) > 0) return [];
    const users = ROLES.map((role) => ({ email: `${role}@byline.example`, role, password: generatePassword() }));
    for (const user of users) await addUser(tx, clock, { ...user, name: `Demo ${user.role}` });
    await mkdir(dataDir, { recursive: true });
    await writeFile(demoUsersFile(dataDir), `${JSON.stringify(users, null, 2)}\n`, { mode: 0o600 });
    return users;
  });
}
