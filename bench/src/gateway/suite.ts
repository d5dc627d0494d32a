import { isDeepStrictEqual } from 'node:util';
import type { Identity } from '@byline/auth';
import type { Table } from '../lib/report.js';
import { repeat, type Summary } from '../lib/stats.js';
import type { Suite } from '../lib/suite.js';
import type { Child } from './child.js';
import { bearer, body, login, type Operation, post, signedHeaders } from './graphql.js';
import { load } from './load.js';
import { articleBySlug, articleWithViews, contentPart, sectionFeed, sectionFeedWithReadership } from './operations.js';
import { benchPostgres } from './postgres.js';
import { filledFor } from './readership-events.js';
import { seededDatabase } from './seeded-database.js';
import { startSubgraphs } from './subgraphs.js';
import { GATEWAY_LABELS, GATEWAYS, type GatewayName, startGatewayProcess } from './targets.js';

// Chosen when the analytics subgraph (embedded chDB) answered about 50 requests/s; kept so reports compare.
const CONNECTIONS = 10;
const SIZES = { full: { articles: 20_000, events: 1_000_000 }, smoke: { articles: 500, events: 20_000 } };
const SECTION = 'world';
const EDITION = 'en';

interface Case {
  title: string;
  /** What the gateways run. */
  operation: Operation;
  /** What the content subgraph alone can answer (the floor). */
  floor: Operation;
}

type Figures = Record<string, number>;

export const gatewaySuite: Suite = {
  name: 'gateway',
  description:
    'gateways side by side over the same subgraphs and supergraph: section feed, federated feed, article by slug',
  async run({ scale, runs, seconds, workDir, log }) {
    const size = SIZES[scale];
    const postgres = await benchPostgres(scale);
    const children: Child<unknown>[] = [];
    try {
      const databaseUrl = await seededDatabase(postgres.adminUrl, size.articles, log);
      const subgraphs = await startSubgraphs(databaseUrl, workDir, size.events);
      children.push(subgraphs);
      const { urls, analyst, maxArticleId } = subgraphs.message;
      const gateways = {} as Record<GatewayName, string>;
      for (const name of GATEWAYS) {
        const child = await startGatewayProcess(name, urls);
        children.push(child);
        gateways[name] = child.message.url;
      }
      const token = await login(gateways.byline, analyst);
      const identity: Identity = { sub: `user:${analyst.id}`, role: 'analyst' };

      const feed = await post<{ articles: { edges: { node: { slug: string } }[] } }>(
        urls.content,
        sectionFeed(SECTION, EDITION),
        signedHeaders(identity),
      );
      const slug = feed.articles.edges[0]?.node.slug;
      if (!slug) throw new Error(`no articles in section ${SECTION}`);
      const cases: Case[] = [
        {
          title: '(a) section feed: 20 articles with section and authors',
          operation: sectionFeed(SECTION, EDITION),
          floor: sectionFeed(SECTION, EDITION),
        },
        {
          title: '(b) the same with views and shares (federated)',
          operation: sectionFeedWithReadership(SECTION, EDITION),
          floor: sectionFeed(SECTION, EDITION),
        },
        {
          title: '(c) one article by slug with its view count',
          operation: articleWithViews(slug, EDITION),
          floor: articleBySlug(slug, EDITION),
        },
      ];

      const tables: Table[] = [];
      const findings: string[] = [];
      const filled = (id: number) => filledFor(id, size.events, maxArticleId);
      for (const { title, operation, floor } of cases) {
        await verify(title, urls.content, floor, identity, gateways, operation, token, filled);
        log(`${title}: measuring`);
        const figures = await repeat(runs, async () => {
          const run: Figures = {};
          const floorFigures = await load({
            url: urls.content,
            body: body(floor),
            headers: signedHeaders(identity),
            connections: CONNECTIONS,
            seconds,
          });
          Object.assign(run, prefixed('floor', floorFigures));
          for (const name of GATEWAYS) {
            const figures = await load({
              url: gateways[name],
              body: body(operation),
              headers: bearer(token),
              connections: CONNECTIONS,
              seconds,
            });
            Object.assign(run, prefixed(name, figures));
          }
          return run;
        });
        tables.push({
          title,
          note: `${CONNECTIONS} connections, ${seconds} s per run, ${runs} runs after a warm-up; every target in each run. Latency in ms.`,
          columns: ['target', 'workers', 'requests/s', 'p50 ms', 'p99 ms'],
          rows: [
            ['content subgraph direct (floor, content fields only)', ...row(figures, 'floor')],
            ...GATEWAYS.map((name) => [GATEWAY_LABELS[name], ...row(figures, name)]),
          ],
        });
        findings.push(compare(title, figures));
      }
      return {
        suite: 'gateway',
        dataset: {
          articles: size.articles,
          'view events': size.events,
          'share events': Math.ceil(size.events / 10),
          section: `${SECTION} (${EDITION})`,
          gateways:
            'one process (1 worker) each, NODE_ENV=production; subgraphs: content, analytics, accounts in one shared process',
        },
        tables,
        findings,
      };
    } finally {
      for (const child of children.reverse()) await child.stop();
      await postgres.stop();
    }
  },
};

function prefixed(prefix: string, figures: { requestsPerSecond: number; p50: number; p99: number }): Figures {
  return {
    [`${prefix}:rps`]: figures.requestsPerSecond,
    [`${prefix}:p50`]: figures.p50,
    [`${prefix}:p99`]: figures.p99,
  };
}

function row(figures: Record<string, Summary>, prefix: string): (string | Summary)[] {
  const pick = (name: string) => figures[`${prefix}:${name}`] as Summary;
  return ['1', pick('rps'), pick('p50'), pick('p99')];
}

/**
 * Every gateway must answer what the others answer, its content fields what
 * the floor answers, and its readership fields what the events written hold.
 */
async function verify(
  title: string,
  contentUrl: string,
  floor: Operation,
  identity: Identity,
  gateways: Record<GatewayName, string>,
  operation: Operation,
  token: string,
  filled: (id: number) => { views: number; shares: number },
) {
  const expected = await post(contentUrl, floor, signedHeaders(identity));
  let first: unknown;
  for (const name of GATEWAYS) {
    const answer = await post(gateways[name], operation, bearer(token));
    if (!isDeepStrictEqual(contentPart(answer), expected)) throw new Error(`${title}: ${name} differs from the floor`);
    first ??= answer;
    if (!isDeepStrictEqual(answer, first)) throw new Error(`${title}: ${name} differs from ${GATEWAYS[0]}`);
  }
  for (const article of readershipOf(first)) {
    const truth = filled(Number(article.id));
    if (article.views !== truth.views || (article.shares && article.shares.total !== truth.shares)) {
      throw new Error(
        `${title}: article ${article.id} answered ${JSON.stringify(article)}, written ${JSON.stringify(truth)}`,
      );
    }
  }
}

interface ArticleReadership {
  id: string;
  views: number;
  shares?: { total: number };
}

/** The objects of an answer that carry `views`, at any depth. */
function readershipOf(value: unknown): ArticleReadership[] {
  if (Array.isArray(value)) return value.flatMap(readershipOf);
  if (typeof value !== 'object' || value === null) return [];
  const inner = Object.values(value).flatMap(readershipOf);
  return 'views' in value ? [value as ArticleReadership, ...inner] : inner;
}

function compare(title: string, figures: Record<string, Summary>): string {
  const median = (name: string) => (figures[name] as Summary).median;
  const ratio = (a: string, b: string) => (median(`${a}:rps`) / median(`${b}:rps`)).toFixed(2);
  return (
    `${title}: Byline serves ${ratio('byline', 'hive')}× the requests/s of Hive gateway and ${ratio('byline', 'apollo')}× @apollo/gateway's ` +
    `(${ratio('byline', 'floor')}× the content floor); p99 ${median('byline:p99')} ms vs Hive ${median('hive:p99')} ms, Apollo ${median('apollo:p99')} ms.`
  );
}
