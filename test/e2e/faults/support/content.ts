import { type ContentService, loadContentConfig, startContentService } from '@byline/content';
import { seedDemoData } from '@byline/demo';

/** The content subgraph on `databaseUrl`, seeded with `articles` demo articles; returns it and their ids. */
export async function startSeededContent(
  databaseUrl: string,
  options: { articles: number; secret: string },
): Promise<{ content: ContentService; articleIds: string[] }> {
  const config = loadContentConfig({
    DATABASE_URL: databaseUrl,
    CONTENT_PORT: '0',
    LOG_LEVEL: 'silent',
    INTERNAL_SECRET: options.secret,
  });
  const content = await startContentService(config);
  await seedDemoData(content.db, {
    articles: options.articles,
    endAt: new Date(),
    timeZone: config.timeZone,
    editions: config.editions,
  });
  const rows: { id: string }[] = await content.db.query(
    `SELECT id::text AS id FROM articles WHERE status = 'published' ORDER BY id`,
  );
  return { content, articleIds: rows.map((row) => row.id) };
}
