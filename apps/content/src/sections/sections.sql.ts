import type { DataSource } from 'typeorm';
import type { Section } from './section.type.js';

const COLUMNS = 'id::text AS id, slug, position, names AS "namesByEdition"';

export function sectionsByIds(db: DataSource, ids: readonly string[]): Promise<Section[]> {
  return db.query(`SELECT ${COLUMNS} FROM sections WHERE id = ANY($1::bigint[])`, [ids]);
}

/** The first `limit` sections in navigation order. */
export function allSections(db: DataSource, limit: number): Promise<Section[]> {
  return db.query(`SELECT ${COLUMNS} FROM sections ORDER BY position, id LIMIT $1`, [limit]);
}

export async function sectionBySlug(db: DataSource, slug: string): Promise<Section | null> {
  const rows: Section[] = await db.query(`SELECT ${COLUMNS} FROM sections WHERE slug = $1`, [slug]);
  return rows[0] ?? null;
}
