import type { Role } from '@byline/auth';
import type { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export async function insertSession(
  db: Db,
  session: { userId: string; tokenHash: Buffer; createdAt: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO accounts.sessions (user_id, token_hash, created_at, expires_at)
     VALUES ($1::bigint, $2, $3, $4) RETURNING id::text AS id`,
    [session.userId, session.tokenHash, session.createdAt, session.expiresAt],
  );
  return row.id;
}

/** Ends one session of a user; false when it was not theirs or already ended. (UPDATE answers `[rows, count]`.) */
export async function revokeSession(db: Db, userId: string, sessionId: string, now: Date): Promise<boolean> {
  const [, count]: [unknown, number] = await db.query(
    `UPDATE accounts.sessions SET revoked_at = $3
      WHERE id = $2::bigint AND user_id = $1::bigint AND revoked_at IS NULL`,
    [userId, sessionId, now],
  );
  return count > 0;
}

/** Ends every live session of a user (but `keep`, when given); returns how many. */
export async function revokeUserSessions(db: Db, userId: string, now: Date, keep?: string): Promise<number> {
  const [, count]: [unknown, number] = await db.query(
    `UPDATE accounts.sessions SET revoked_at = $2
      WHERE user_id = $1::bigint AND revoked_at IS NULL AND expires_at > $2
        AND ($3::bigint IS NULL OR id <> $3::bigint)`,
    [userId, now, keep ?? null],
  );
  return count;
}

/** Who a session token stands for: unexpired, unrevoked, and its user enabled. */
export async function sessionOwner(
  db: Db,
  tokenHash: Buffer,
  now: Date,
): Promise<{ sessionId: string; userId: string; role: Role } | undefined> {
  const [row] = await db.query(
    `SELECT s.id::text AS "sessionId", u.id::text AS "userId", u.role
       FROM accounts.sessions s JOIN accounts.users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
    [tokenHash, now],
  );
  return row;
}
