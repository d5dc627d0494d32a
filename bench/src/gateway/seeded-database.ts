import { countArticles, createDataSource, migrate, seedDemoData } from '@byline/content';

/** The demo generator's fixed end, so a cached database and a fresh one hold the same articles. */
const SEED_END = new Date('2026-01-01T00:00:00Z');
const EDITIONS = new Map([
  ['en', 'english'],
  ['ru', 'russian'],
  ['az', 'simple'],
]);
const TIME_ZONE = 'Asia/Baku';

/**
 * A database `bench_articles_<n>` on the server holding exactly `articles`
 * demo articles: made and seeded when missing or different (the seed is one
 * transaction, so a count of `articles` means a complete seed), else reused.
 */
export async function seededDatabase(adminUrl: string, articles: number, log: (line: string) => void) {
  const name = `bench_articles_${articles}`;
  const admin = createDataSource(adminUrl, 1);
  await admin.initialize();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    // The name is built from an integer above; identifiers cannot be bound as parameters.
    if (found.length === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDataSource(url.toString(), 2);
  await db.initialize();
  try {
    await migrate(db);
    const present = await countArticles(db);
    if (present === articles) {
      log(`reusing ${name} (${articles} articles)`);
    } else {
      log(`seeding ${articles} articles into ${name} (had ${present})`);
      await seedDemoData(db, { articles, endAt: SEED_END, timeZone: TIME_ZONE, editions: EDITIONS, reset: true, log });
      await db.query('ANALYZE');
    }
  } finally {
    await db.destroy();
  }
  return url.toString();
}
