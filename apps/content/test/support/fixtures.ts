import { randomUUID } from 'node:crypto';
import { mulberry32 } from '@byline/random';
import type { DataSource } from 'typeorm';
import { EDITIONS } from './content.js';

export interface FixtureArticle {
  id: string;
  edition: string;
  slug: string;
  status: 'draft' | 'published' | 'archived';
  title: string;
  lead: string;
  body: string[];
  sectionId: string;
  authorIds: string[];
  tagIds: string[];
  publishedAt: Date | null;
  storyId: string;
}

export interface Catalog {
  sectionIds: string[];
  authorIds: string[];
  tagIds: string[];
  sectionSlugs: Map<string, string>;
  authorSlugs: Map<string, string>;
  tagSlugs: Map<string, string>;
}

async function insertNamed(db: DataSource, table: 'authors' | 'tags', prefix: string, count: number) {
  const slugs = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
  const rows: { id: string; slug: string }[] = await db.query(
    `INSERT INTO ${table} (slug, name) SELECT s, initcap(replace(s, '-', ' ')) FROM unnest($1::text[]) s
     RETURNING id::text AS id, slug`,
    [slugs],
  );
  return new Map(rows.map((row) => [row.id, row.slug]));
}

export async function insertCatalog(db: DataSource, sizes = { sections: 4, authors: 6, tags: 8 }): Promise<Catalog> {
  const sectionSlugs = new Map<string, string>();
  for (let i = 0; i < sizes.sections; i++) {
    const slug = `section-${i + 1}`;
    const names = { en: `Section ${i + 1}`, ru: `Раздел ${i + 1}`, az: `Bölmə ${i + 1}` };
    const [row] = await db.query(
      'INSERT INTO sections (slug, names, position) VALUES ($1, $2, $3) RETURNING id::text',
      [slug, names, i],
    );
    sectionSlugs.set(row.id, slug);
  }
  const authorSlugs = await insertNamed(db, 'authors', 'author', sizes.authors);
  const tagSlugs = await insertNamed(db, 'tags', 'tag', sizes.tags);
  return {
    sectionIds: [...sectionSlugs.keys()],
    authorIds: [...authorSlugs.keys()],
    tagIds: [...tagSlugs.keys()],
    sectionSlugs,
    authorSlugs,
    tagSlugs,
  };
}

/** Inserts articles with every relation in three statements; returns them with their ids. */
export async function insertArticles(
  db: DataSource,
  articles: Omit<FixtureArticle, 'id'>[],
): Promise<FixtureArticle[]> {
  const column = <T>(pick: (a: Omit<FixtureArticle, 'id'>) => T) => articles.map(pick);
  const ids: { id: string }[] = await db.query(
    `INSERT INTO articles (edition, slug, status, title, lead, body, section_id, published_at, story_id,
                           search_config, reading_minutes)
     SELECT edition, slug, status, title, lead, string_to_array(body, E'\\x1e'), section_id, published_at, story_id,
            cfg::regconfig, 1
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[],
                   $8::timestamptz[], $9::uuid[], $10::text[])
            AS t(edition, slug, status, title, lead, body, section_id, published_at, story_id, cfg)
     RETURNING id::text AS id`,
    [
      column((a) => a.edition),
      column((a) => a.slug),
      column((a) => a.status),
      column((a) => a.title),
      column((a) => a.lead),
      column((a) => a.body.join('\x1e')),
      column((a) => a.sectionId),
      column((a) => a.publishedAt),
      column((a) => a.storyId),
      column((a) => EDITIONS.get(a.edition)),
    ],
  );
  const saved = articles.map((article, i) => ({ ...article, id: ids[i]?.id ?? '' }));
  const pairs = (pick: (a: FixtureArticle) => string[]) => saved.flatMap((a) => pick(a).map((other) => [a.id, other]));
  const authors = pairs((a) => a.authorIds);
  await db.query(
    `INSERT INTO article_authors (article_id, author_id, position)
     SELECT a, b, row_number() OVER (PARTITION BY a ORDER BY o) - 1
       FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY AS t(a, b, o)`,
    [authors.map((p) => p[0]), authors.map((p) => p[1])],
  );
  const tags = pairs((a) => a.tagIds);
  await db.query('INSERT INTO article_tags (article_id, tag_id) SELECT * FROM unnest($1::bigint[], $2::bigint[])', [
    tags.map((p) => p[0]),
    tags.map((p) => p[1]),
  ]);
  return saved;
}

/** `count` varied articles; publication times collide on purpose so the id tie-break matters. */
export function randomArticles(catalog: Catalog, count: number, seed = 7): Omit<FixtureArticle, 'id'>[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
  const editions = [...EDITIONS.keys()];
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const status = roll < 0.85 ? 'published' : roll < 0.93 ? 'archived' : 'draft';
    const authorIds = [...new Set([pick(catalog.authorIds), pick(catalog.authorIds)])];
    const tagIds = [...new Set([pick(catalog.tagIds), pick(catalog.tagIds), pick(catalog.tagIds)])];
    return {
      edition: pick(editions),
      slug: `article-${i + 1}`,
      status,
      title: `Article ${i + 1}`,
      lead: `Lead of article ${i + 1}`,
      body: [`First paragraph of ${i + 1}.`, 'Second paragraph.'],
      sectionId: pick(catalog.sectionIds),
      authorIds,
      tagIds,
      // Whole hours over ~40 days: many articles share a timestamp.
      publishedAt: status === 'draft' ? null : new Date(start + Math.floor(random() * 1000) * 3_600_000),
      storyId: randomUUID(),
    };
  });
}
