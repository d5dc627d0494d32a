import type { Role } from '@byline/auth';
import type { EntityManager } from 'typeorm';
import { nameOf } from './role.js';
import type { User } from './user.type.js';

type Db = Pick<EntityManager, 'query'>;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
  last_login_at: Date | null;
}

const USER_COLUMNS = 'id::text AS id, email, name, role, disabled, created_at, last_login_at';

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: nameOf(row.role),
  disabled: row.disabled,
  createdAt: row.created_at,
  lastLoginAt: row.last_login_at,
});

export interface NewUserRow {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
}

export async function insertUser(db: Db, user: NewUserRow): Promise<User> {
  const [row] = await db.query(
    `INSERT INTO accounts.users (email, name, role, password_hash, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${USER_COLUMNS}`,
    [user.email, user.name, user.role, user.passwordHash, user.createdAt],
  );
  return toUser(row);
}

export async function userById(db: Db, id: string, lock = false): Promise<User | undefined> {
  const rows: UserRow[] = await db.query(
    `SELECT ${USER_COLUMNS} FROM accounts.users WHERE id = $1::bigint${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] && toUser(rows[0]);
}

/** What a login needs: the user (if the email is known) with their password hash. */
export async function credentialsByEmail(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const rows: (UserRow & { password_hash: string })[] = await db.query(
    `SELECT ${USER_COLUMNS}, password_hash FROM accounts.users WHERE lower(email) = $1`,
    [email],
  );
  const row = rows[0];
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function passwordHashOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.query('SELECT password_hash FROM accounts.users WHERE id = $1::bigint', [id]);
  return row?.password_hash;
}

export async function listUsers(db: Db, first: number): Promise<User[]> {
  const rows: UserRow[] = await db.query(`SELECT ${USER_COLUMNS} FROM accounts.users ORDER BY id LIMIT $1`, [first]);
  return rows.map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.query('SELECT count(*)::int AS n FROM accounts.users');
  return row.n;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
  lastLoginAt?: Date;
}

const CHANGE_COLUMNS: Record<keyof UserChanges, string> = {
  name: 'name',
  role: 'role',
  disabled: 'disabled',
  passwordHash: 'password_hash',
  lastLoginAt: 'last_login_at',
};

export async function updateUserRow(db: Db, id: string, changes: UserChanges): Promise<void> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof UserChanges, unknown][];
  if (entries.length === 0) return;
  // Column names come from the fixed map above; values are bound.
  const sets = entries.map(([key], index) => `${CHANGE_COLUMNS[key]} = $${index + 2}`);
  await db.query(`UPDATE accounts.users SET ${sets.join(', ')} WHERE id = $1::bigint`, [
    id,
    ...entries.map(([, value]) => value),
  ]);
}

/** Enabled admins other than `id`, locked so that two admins cannot demote each other at once. */
export async function otherEnabledAdmins(db: Db, id: string): Promise<number> {
  const rows = await db.query(
    `SELECT id FROM accounts.users WHERE role = 'admin' AND NOT disabled AND id <> $1::bigint FOR UPDATE`,
    [id],
  );
  return rows.length;
}
