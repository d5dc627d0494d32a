import type { Role } from '@byline/auth';
import type { EntityManager } from 'typeorm';
import { nameOf } from '../users/role.js';
import type { ApiToken } from './api-token.type.js';

type Db = Pick<EntityManager, 'query'>;

interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id::text AS id, name, role, created_at, expires_at, revoked_at';

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  role: nameOf(row.role),
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

export async function insertApiToken(
  db: Db,
  token: { name: string; role: Role; tokenHash: Buffer; createdBy: string | null; createdAt: Date; expiresAt: Date },
): Promise<ApiToken> {
  const [row] = await db.query(
    `INSERT INTO accounts.api_tokens (name, role, token_hash, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4::bigint, $5, $6) RETURNING ${COLUMNS}`,
    [token.name, token.role, token.tokenHash, token.createdBy, token.createdAt, token.expiresAt],
  );
  return toApiToken(row);
}

export async function listApiTokens(db: Db, first: number): Promise<ApiToken[]> {
  const rows: ApiTokenRow[] = await db.query(`SELECT ${COLUMNS} FROM accounts.api_tokens ORDER BY id DESC LIMIT $1`, [
    first,
  ]);
  return rows.map(toApiToken);
}

/** Revokes a token (once: a second revocation keeps the first time); undefined when there is no such token. */
export async function revokeApiToken(db: Db, id: string, now: Date): Promise<ApiToken | undefined> {
  const [rows]: [ApiTokenRow[], number] = await db.query(
    `UPDATE accounts.api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1::bigint RETURNING ${COLUMNS}`,
    [id, now],
  );
  return rows[0] && toApiToken(rows[0]);
}

/** Who an API token stands for: unexpired and unrevoked. */
export async function apiTokenOwner(
  db: Db,
  tokenHash: Buffer,
  now: Date,
): Promise<{ tokenId: string; role: Role } | undefined> {
  const [row] = await db.query(
    `SELECT id::text AS "tokenId", role FROM accounts.api_tokens
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
    [tokenHash, now],
  );
  return row;
}
