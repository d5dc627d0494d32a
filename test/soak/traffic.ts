import { randomBytes, randomInt } from 'node:crypto';
import type { Kind, Request } from './load.js';

export interface Targets {
  gateway: URL;
  collect: URL;
}

interface Catalogue {
  articleIds: string[];
  sections: string[];
}

/** Public content, as a front end reads it: through the gateway, no login. */
async function graphql<T>(gateway: URL, query: string): Promise<T> {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data) throw new Error(`gateway: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
  return body.data;
}

export async function loadCatalogue(gateway: URL): Promise<Catalogue> {
  const data = await graphql<{ articles: { edges: { node: { id: string } }[] }; sections: { slug: string }[] }>(
    gateway,
    '{ articles(first: 100) { edges { node { id } } } sections { slug } }',
  );
  const catalogue = {
    articleIds: data.articles.edges.map((edge) => edge.node.id),
    sections: data.sections.map((s) => s.slug),
  };
  if (catalogue.articleIds.length === 0) throw new Error('the gateway lists no published article: is the demo seeded?');
  return catalogue;
}

/** Public IPv4 first octets, so beacons come from many readers in several countries (per-IP limits hold). */
const OCTETS = [5, 31, 37, 46, 62, 77, 78, 81, 85, 91, 94, 109, 176, 178, 185, 188, 193, 195, 212, 213];
const USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

function readerIp(): string {
  return `${OCTETS[randomInt(OCTETS.length)]}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

function pick<T>(items: T[]): T {
  const item = items[randomInt(items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** Alternates single-event view beacons and public content queries (half each). */
export function mixedRequests(targets: Targets, catalogue: Catalogue): () => Request {
  const queries = [
    () =>
      `{ articles(first: 20, filter: { section: "${pick(catalogue.sections)}" }) { edges { node { id title publishedAt section { name } authors { name } } } } }`,
    () => `{ article(id: "${pick(catalogue.articleIds)}") { id title body section { name } authors { name } } }`,
    () => '{ sections { slug name } }',
  ];
  let count = 0;
  return (): Request => {
    const kind: Kind = count++ % 2 === 0 ? 'collect' : 'graphql';
    if (kind === 'collect') {
      const articleId = pick(catalogue.articleIds);
      return {
        kind,
        url: targets.collect,
        headers: { 'content-type': 'text/plain', 'user-agent': USER_AGENT, 'x-forwarded-for': readerIp() },
        body: JSON.stringify({
          type: 'view',
          articleId,
          url: `https://byline.example/soak/${articleId}/${randomBytes(4).toString('hex')}`,
          referrer: 'https://www.google.com/',
        }),
      };
    }
    return {
      kind,
      url: targets.gateway,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: pick(queries)() }),
    };
  };
}
