import { createDataSource } from '@byline/content';
import { post, signedHeaders } from '../gateway/graphql.js';
import { feedPage } from './operations.js';

const ANONYMOUS = { sub: 'anonymous', role: null };

/** Headers for the content subgraph called directly: an anonymous reader, signed as the gateway would. */
export const anonymousHeaders = () => signedHeaders(ANONYMOUS);

/** The cursor that opens page `page` (of 20) of a feed, found by walking it 100 at a time. */
export async function deepCursor(contentUrl: string, edition: string, section: string | undefined, page: number) {
  let remaining = (page - 1) * 20;
  let after: string | undefined;
  while (remaining > 0) {
    const first = Math.min(100, remaining);
    const data = await post<{ articles: { pageInfo: { endCursor: string | null } } }>(
      contentUrl,
      feedPage(edition, section, first, after),
      anonymousHeaders(),
    );
    after = data.articles.pageInfo.endCursor ?? undefined;
    if (!after) throw new Error(`the ${section ?? edition} feed has fewer than ${page} pages`);
    remaining -= first;
  }
  return after;
}

/** Published articles drawn at random (the same ones every run), as slug and edition. */
export async function randomArticles(databaseUrl: string, count: number): Promise<{ slug: string; edition: string }[]> {
  const db = createDataSource(databaseUrl, 1);
  await db.initialize();
  try {
    await db.query('SELECT setseed(0.42)');
    return await db.query(`SELECT slug, edition FROM articles WHERE status = 'published' ORDER BY random() LIMIT $1`, [
      count,
    ]);
  } finally {
    await db.destroy();
  }
}
