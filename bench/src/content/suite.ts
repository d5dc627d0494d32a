import type { Child } from '../gateway/child.js';
import type { Operation } from '../gateway/graphql.js';
import { benchPostgres } from '../gateway/postgres.js';
import { seededDatabase } from '../gateway/seeded-database.js';
import { startSubgraphs } from '../gateway/subgraphs.js';
import { startGatewayProcess } from '../gateway/targets.js';
import type { Table } from '../lib/report.js';
import { repeat, type Summary } from '../lib/stats.js';
import type { Suite } from '../lib/suite.js';
import { sequentialLatency } from './latency.js';
import { articlePage, feedPage, SEARCHES, search } from './operations.js';
import { anonymousHeaders, deepCursor, randomArticles } from './sample.js';

const SIZES = {
  // Searches rank every match (hundreds of ms on a million articles): fewer of them per run.
  full: { articles: 1_000_000, page: 500, requests: 200, searches: 20 },
  smoke: { articles: 2_000, page: 5, requests: 10, searches: 3 },
};
const SECTION = 'world';

interface Case {
  name: string;
  operationAt: (index: number) => Operation;
  requests: number;
}

export const contentSuite: Suite = {
  name: 'content',
  description:
    'content queries on a large article table: deep feed pages, search, article by slug; direct and through the gateway',
  async run({ scale, runs, workDir, log }) {
    const size = SIZES[scale];
    const postgres = await benchPostgres(scale);
    const children: Child<unknown>[] = [];
    try {
      const databaseUrl = await seededDatabase(postgres.adminUrl, size.articles, log);
      const subgraphs = await startSubgraphs(databaseUrl, workDir, 1_000);
      children.push(subgraphs);
      const { urls } = subgraphs.message;
      const gateway = await startGatewayProcess('byline', urls);
      children.push(gateway);

      log(`walking to page ${size.page} of the feeds`);
      const [editionCursor, sectionCursor] = [
        await deepCursor(urls.content, 'en', undefined, size.page),
        await deepCursor(urls.content, 'en', SECTION, size.page),
      ];
      const articles = await randomArticles(databaseUrl, size.requests * (runs + 1));
      const cases: Case[] = [
        {
          name: `feed page ${size.page} (edition en, cursor)`,
          operationAt: () => feedPage('en', undefined, 20, editionCursor),
          requests: size.requests,
        },
        {
          name: `feed page ${size.page} (section ${SECTION}, en, cursor)`,
          operationAt: () => feedPage('en', SECTION, 20, sectionCursor),
          requests: size.requests,
        },
        ...Object.entries(SEARCHES).map(([edition, queries]) => ({
          name: `search ${edition}: ${queries.join(' · ')}`,
          operationAt: (index: number) => search(edition, queries[index % queries.length] as string),
          requests: size.searches,
        })),
      ];
      let drawn = 0;
      const rows: (string | Summary)[][] = [];
      for (const { name, operationAt, requests } of cases)
        rows.push([name, ...(await measure(name, operationAt, requests))]);
      // Each run reads slugs it has not read before (no warm cache for them).
      const slugAt = () => {
        const article = articles[drawn++ % articles.length] as { slug: string; edition: string };
        return articlePage(article.slug, article.edition);
      };
      rows.push([
        'article by slug (random, all editions)',
        ...(await measure('article by slug', slugAt, size.requests)),
      ]);

      async function measure(name: string, operationAt: (index: number) => Operation, requests: number) {
        log(`${name}: measuring`);
        const figures = await repeat(runs, async () => {
          const direct = await sequentialLatency(urls.content, anonymousHeaders, requests, operationAt);
          const through = await sequentialLatency(gateway.message.url, () => ({}), requests, operationAt);
          return {
            'direct:p50': direct.p50,
            'direct:p95': direct.p95,
            'gateway:p50': through.p50,
            'gateway:p95': through.p95,
          };
        });
        return [figures['direct:p50'], figures['direct:p95'], figures['gateway:p50'], figures['gateway:p95']];
      }

      const table: Table = {
        title: `Content queries on ${size.articles.toLocaleString('en')} articles`,
        note: `${size.requests} requests (searches: ${size.searches}) one after another per run and target, ${runs} runs after a warm-up; anonymous reader; ms.`,
        columns: ['query', 'direct p50', 'direct p95', 'gateway p50', 'gateway p95'],
        rows,
      };
      const slug = rows.at(-1) as [string, Summary, Summary, Summary, Summary];
      return {
        suite: 'content',
        dataset: {
          articles: size.articles,
          editions: 'en, ru, az',
          'feed page': size.page,
          'requests per run': size.requests,
        },
        tables: [table],
        findings: [
          `Article by slug through the gateway: p50 ${slug[3].median.toFixed(2)} ms (target under 5 ms: ${slug[3].median < 5 ? 'met' : 'missed'}); the gateway adds ${(slug[3].median - slug[1].median).toFixed(2)} ms at p50 over the content subgraph.`,
        ],
      };
    } finally {
      for (const child of children.reverse()) await child.stop();
      await postgres.stop();
    }
  },
};
