import type { DataSource, EntityManager } from 'typeorm';
import { type ArticleGenerator, createArticleGenerator } from './articles.js';
import type { Catalog } from './catalog.js';

export const DEFAULT_SEED = 20250129;

export interface SeedOptions {
  /** How many article rows (translations count one each). */
  articles: number;
  seed?: number;
  /** Generated times lie in the two years before this instant. */
  endAt: Date;
  /** IANA zone of the newsroom's working hours. */
  timeZone: string;
  /** Edition code → text-search configuration. */
  editions: Map<string, string>;
  /** Empty the content tables first, in the same transaction. */
  reset?: boolean;
  /** Articles per INSERT statement. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface SeedSummary {
  sections: number;
  authors: number;
  tags: number;
  articles: number;
  stories: number;
  ms: number;
}

/** Seeding into tables that already hold content, without `reset`. */
export class DatabaseNotEmptyError extends Error {
  constructor(readonly articles: number) {
    super(
      articles > 0
        ? `database already has ${articles} articles; pass --reset to replace them`
        : 'database already has sections, authors or tags; pass --reset to replace them',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

const CONTENT_TABLES = 'sections, authors, tags, articles, article_authors, article_tags';
const PROGRESS_EVERY = 50_000;
/** Paragraphs travel as one string each, split again by the server. */
const PARAGRAPH_SEPARATOR = '\x1e';

export async function countArticles(db: DataSource): Promise<number> {
  const [row] = await db.query('SELECT count(*)::text AS count FROM articles');
  return Number(row?.count ?? 0);
}

/**
 * Fills the content tables with generated demo data in one transaction: a
 * failed or interrupted seed leaves nothing behind. Articles are generated and
 * inserted in batches, so memory stays flat however many are asked for.
 */
export async function seedDemoData(db: DataSource, options: SeedOptions): Promise<SeedSummary> {
  const { articles: total, log = () => {} } = options;
  if (!Number.isSafeInteger(total) || total < 1)
    throw new RangeError(`articles must be a positive integer, got ${total}`);
  const batchSize = options.batchSize ?? 2000;
  const started = performance.now();
  const generator = createArticleGenerator({
    seed: options.seed ?? DEFAULT_SEED,
    endAt: options.endAt,
    timeZone: options.timeZone,
    editions: options.editions,
  });
  const { catalog } = generator;

  return db.transaction(async (tx) => {
    // Blocks a second seeder (and writers) until this one commits; readers keep the old snapshot.
    await tx.query(`LOCK TABLE ${CONTENT_TABLES} IN EXCLUSIVE MODE`);
    if (options.reset) {
      await tx.query(`TRUNCATE ${CONTENT_TABLES} RESTART IDENTITY CASCADE`);
    } else {
      const [state] = await tx.query(
        `SELECT (SELECT count(*) FROM articles)::text AS articles,
                EXISTS (SELECT 1 FROM sections) OR EXISTS (SELECT 1 FROM authors) OR EXISTS (SELECT 1 FROM tags) AS catalog`,
      );
      if (Number(state.articles) > 0 || state.catalog) throw new DatabaseNotEmptyError(Number(state.articles));
    }
    await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const secondaryIndexes = await dropSecondaryIndexes(tx);

    await insertCatalog(tx, catalog);
    log(
      `seeding ${total.toLocaleString('en')} articles in ${[...options.editions.keys()].join(', ')} ` +
        `(${catalog.sections.length} sections, ${catalog.authors.length} authors, ${catalog.tags.length} tags)`,
    );

    let stories = 0;
    let pending: Promise<void> | undefined;
    let reported = 0;
    for (let from = 1; from <= total; from += batchSize) {
      const to = Math.min(total, from + batchSize - 1);
      // Generating the next batch overlaps with the server inserting the previous one.
      const batch = await generateBatch(generator, from, to);
      stories += batch.stories;
      await pending;
      pending = insertBatch(tx, batch);
      pending.catch(() => {}); // awaited below; this only stops a failure counting as unhandled meanwhile
      // Let the queries reach the socket before generating more.
      await new Promise((resolve) => setImmediate(resolve));
      if (Math.floor(to / PROGRESS_EVERY) > reported || to === total) {
        await pending;
        reported = Math.floor(to / PROGRESS_EVERY);
        const seconds = (performance.now() - started) / 1000;
        log(`  ${to.toLocaleString('en')} / ${total.toLocaleString('en')} articles (${seconds.toFixed(1)} s)`);
      }
    }
    await pending;

    const indexing = performance.now();
    for (const definition of secondaryIndexes) await tx.query(definition);
    await tx.query(`ANALYZE ${CONTENT_TABLES}`);
    log(`  ${secondaryIndexes.length} indexes built in ${((performance.now() - indexing) / 1000).toFixed(1)} s`);
    for (const table of ['sections', 'authors', 'tags', 'articles']) {
      await tx.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${table}))`, [table]);
    }
    return {
      sections: catalog.sections.length,
      authors: catalog.authors.length,
      tags: catalog.tags.length,
      articles: total,
      stories,
      ms: Math.round(performance.now() - started),
    };
  });
}

/**
 * Filling empty tables and then building their indexes is faster than
 * updating the indexes row by row (PostgreSQL's "Populating a Database"
 * advice; about a quarter off a large seed here). Indexes that back a
 * constraint (keys, uniqueness) stay, so the checks still run. Returns the
 * statements that recreate the dropped ones, as the schema defined them.
 */
async function dropSecondaryIndexes(tx: EntityManager): Promise<string[]> {
  const indexes: { name: string; definition: string }[] = await tx.query(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indrelid = ANY (ARRAY['articles', 'article_authors', 'article_tags']::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY c.relname`,
  );
  for (const index of indexes) await tx.query(`DROP INDEX ${index.name}`);
  return indexes.map((index) => index.definition);
}

async function insertCatalog(tx: EntityManager, catalog: Catalog) {
  const { sections, authors, tags } = catalog;
  await bulk(
    tx,
    'sections',
    `INSERT INTO sections (id, slug, names, position) OVERRIDING SYSTEM VALUE
     SELECT * FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::int[])`,
    [
      sections.map((s) => s.id),
      sections.map((s) => s.slug),
      sections.map((s) => JSON.stringify(s.names)),
      sections.map((s) => s.position),
    ],
  );
  await bulk(
    tx,
    'authors',
    `INSERT INTO authors (id, slug, name, bio) OVERRIDING SYSTEM VALUE
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[])`,
    [authors.map((a) => a.id), authors.map((a) => a.slug), authors.map((a) => a.name), authors.map((a) => a.bio)],
  );
  await bulk(
    tx,
    'tags',
    `INSERT INTO tags (id, slug, name) OVERRIDING SYSTEM VALUE
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[])`,
    [tags.map((t) => t.id), tags.map((t) => t.slug), tags.map((t) => t.name)],
  );
}

/** One batch as parallel column arrays, the shape `unnest` takes. */
interface Batch {
  from: number;
  to: number;
  stories: number;
  articles: unknown[][];
  bylines: [number[], number[], number[]];
  tags: [number[], number[]];
}

const ARTICLE_COLUMNS = 17;
/** Generation yields to the event loop this often, so a large query can drain to the server meanwhile. */
const YIELD_EVERY = 250;

async function generateBatch(generator: ArticleGenerator, from: number, to: number): Promise<Batch> {
  const articles: unknown[][] = Array.from({ length: ARTICLE_COLUMNS }, () => []);
  const bylines: Batch['bylines'] = [[], [], []];
  const tags: Batch['tags'] = [[], []];
  let stories = 0;
  for (let id = from; id <= to; id++) {
    if ((id - from) % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    const a = generator.article(id);
    if (generator.storyStart(id) === id) stories++;
    const values = [
      a.id,
      a.edition,
      a.slug,
      a.status,
      a.title,
      a.source,
      a.lead,
      a.body.join(PARAGRAPH_SEPARATOR),
      a.sectionId,
      a.coverUrl,
      a.coverCaption,
      a.readingMinutes,
      a.storyId,
      a.publishedAt?.toISOString() ?? null,
      a.createdAt.toISOString(),
      a.updatedAt.toISOString(),
      a.searchConfig,
    ];
    for (let column = 0; column < ARTICLE_COLUMNS; column++) articles[column]?.push(values[column]);
    a.authorIds.forEach((author, position) => {
      bylines[0].push(a.id);
      bylines[1].push(author);
      bylines[2].push(position);
    });
    for (const tag of a.tagIds) {
      tags[0].push(a.id);
      tags[1].push(tag);
    }
  }
  return { from, to, stories, articles, bylines, tags };
}

async function insertBatch(tx: EntityManager, batch: Batch): Promise<void> {
  const ids = `articles ${batch.from}-${batch.to}`;
  await bulk(
    tx,
    ids,
    `INSERT INTO articles (id, edition, slug, status, title, source, lead, body, section_id, cover_url, cover_caption,
                           reading_minutes, story_id, published_at, created_at, updated_at, search_config)
     OVERRIDING SYSTEM VALUE
     SELECT id, edition, slug, status, title, source, lead, string_to_array(body, E'\\x1e'), section_id, cover_url,
            cover_caption, reading_minutes, story_id, published_at, created_at, updated_at, search_config::regconfig
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::int[], $10::text[], $11::text[], $12::int[], $13::uuid[], $14::timestamptz[],
                   $15::timestamptz[], $16::timestamptz[], $17::text[])
         AS t(id, edition, slug, status, title, source, lead, body, section_id, cover_url, cover_caption,
              reading_minutes, story_id, published_at, created_at, updated_at, search_config)`,
    batch.articles,
  );
  await bulk(
    tx,
    `bylines of ${ids}`,
    `INSERT INTO article_authors (article_id, author_id, position)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::smallint[])`,
    batch.bylines,
  );
  await bulk(
    tx,
    `tags of ${ids}`,
    `INSERT INTO article_tags (article_id, tag_id)
     SELECT * FROM unnest($1::bigint[], $2::int[])`,
    batch.tags,
  );
}

/** Runs one multi-row statement; a failure names the rows instead of carrying megabytes of parameters. */
async function bulk(tx: EntityManager, what: string, sql: string, parameters: unknown[]): Promise<void> {
  try {
    await tx.query(sql, parameters);
  } catch (error) {
    const driver = (error as { driverError?: { detail?: string; code?: string } }).driverError;
    const detail = [driver?.code, driver?.detail].filter(Boolean).join(' ');
    throw new Error(`inserting ${what} failed: ${(error as Error).message}${detail ? ` (${detail})` : ''}`);
  }
}
