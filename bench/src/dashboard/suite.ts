import { loadavg } from 'node:os';
import { startDashboardProcess } from '@byline/testing';
import type { Table } from '../lib/report.js';
import { repeat, type Summary } from '../lib/stats.js';
import type { Suite } from '../lib/suite.js';
import { type Load, launchBenchBrowser } from './browser.js';
import { type DashboardStack, startDashboardStack } from './stack.js';

const SIZES = {
  smoke: { articles: 300, events: 20_000 },
  // What `pnpm start` seeds.
  full: { articles: 20_000, events: 2_000_000 },
};

interface PageUnderTest {
  name: string;
  path: string;
}

/** The most read article of the last 30 days, for the article page. */
async function topArticle(stack: DashboardStack): Promise<string> {
  const result = await stack.analytics.store.client.query({
    query:
      'SELECT toString(article_id) AS id FROM views WHERE time > now() - INTERVAL 30 DAY GROUP BY article_id ORDER BY count() DESC LIMIT 1',
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ id: string }>();
  if (!row) throw new Error('no article was read in the last 30 days');
  return row.id;
}

function pagesOf(articleId: string): PageUnderTest[] {
  return [
    { name: 'sections (30 days)', path: '/sections?range=30d' },
    { name: 'live', path: '/live' },
    { name: 'regions (30 days)', path: '/regions?range=30d' },
    { name: 'shares (30 days)', path: '/shares?range=30d' },
    { name: 'article (30 days)', path: `/articles/${articleId}?range=30d` },
  ];
}

const KIB = 1024;

function figures(load: Load, prefix: 'cold' | 'warm') {
  return {
    [`${prefix}DrawnMs`]: load.drawnMs,
    [`${prefix}FirstByteMs`]: load.firstByteMs,
    [`${prefix}ScriptKiB`]: load.scriptBytes / KIB,
    [`${prefix}ScriptDecodedKiB`]: load.scriptDecodedBytes / KIB,
    [`${prefix}Scripts`]: load.scripts,
    [`${prefix}TotalKiB`]: load.totalBytes / KIB,
    [`${prefix}Requests`]: load.requests,
  };
}

type Figures = Record<string, Summary>;

export const dashboardSuite: Suite = {
  name: 'dashboard',
  description: 'each dashboard page loaded cold and warm in headless Chromium until its charts are drawn',
  async run({ scale, runs, workDir, log }) {
    const size = SIZES[scale];
    const stack = await startDashboardStack(workDir, size, log);
    try {
      const server = await startDashboardProcess(stack.gatewayUrl, { NODE_ENV: 'production' });
      try {
        const browser = await launchBenchBrowser(server.url, stack.analyst);
        try {
          const pages = pagesOf(await topArticle(stack)).slice(0, scale === 'smoke' ? 1 : undefined);
          const results: [PageUnderTest, Figures][] = [];
          for (const page of pages) {
            log(`${page.name}: ${runs} runs after a warm-up`);
            const summary = await repeat(runs, async () => {
              const { cold, warm } = await browser.coldThenWarm(`${server.url}${page.path}`);
              return { ...figures(cold, 'cold'), ...figures(warm, 'warm') };
            });
            results.push([page, summary]);
          }
          return {
            suite: 'dashboard',
            dataset: {
              articles: size.articles,
              'readership events': stack.events,
              'demo days': 90,
              pages: pages.length,
              'runs per page': runs,
            },
            tables: tablesOf(results),
            findings: findingsOf(results),
          };
        } finally {
          await browser.close();
        }
      } finally {
        await server.close();
      }
    } finally {
      await stack.close();
    }
  },
};

function tablesOf(results: [PageUnderTest, Figures][]): Table[] {
  const at = (figures: Figures, name: string) => figures[name] as Summary;
  return [
    {
      title: 'Page load until every chart is drawn (ms)',
      note:
        'Cold: a fresh browser context (empty cache, session cookie set) opens the page. Warm: the same tab opens it ' +
        'again from about:blank. Drawn: every `main canvas` carries `data-drawn`, set by a Chart.js plugin after ' +
        "the chart's first render (so the page is also hydrated); times from navigation start. First byte: the " +
        'server-rendered HTML, i.e. the server-side session check and gateway calls.',
      columns: ['page', 'cold: drawn', 'warm: drawn', 'cold: first byte', 'warm: first byte'],
      rows: results.map(([page, f]) => [
        page.name,
        at(f, 'coldDrawnMs'),
        at(f, 'warmDrawnMs'),
        at(f, 'coldFirstByteMs'),
        at(f, 'warmFirstByteMs'),
      ]),
    },
    {
      title: 'Bytes per page load (KiB)',
      note:
        'From Chromium (DevTools protocol): on the wire = encoded bytes including headers; decoded = response bodies ' +
        'after decompression. Responses served from the browser cache count no bytes and no request.',
      columns: [
        'page',
        'cold: JS on the wire',
        'cold: JS decoded',
        'cold: scripts',
        'cold: all on the wire',
        'cold: requests',
        'warm: all on the wire',
        'warm: requests',
      ],
      rows: results.map(([page, f]) => [
        page.name,
        at(f, 'coldScriptKiB'),
        at(f, 'coldScriptDecodedKiB'),
        at(f, 'coldScripts'),
        at(f, 'coldTotalKiB'),
        at(f, 'coldRequests'),
        at(f, 'warmTotalKiB'),
        at(f, 'warmRequests'),
      ]),
    },
  ];
}

function findingsOf(results: [PageUnderTest, Figures][]): string[] {
  const median = (f: Figures, name: string) => (f[name] as Summary).median;
  const slowest = [...results].sort(([, a], [, b]) => median(b, 'coldDrawnMs') - median(a, 'coldDrawnMs'))[0];
  const lines = results.map(([page, f]) => {
    const serverShare = median(f, 'coldFirstByteMs') / median(f, 'coldDrawnMs');
    return (
      `${page.name}: warm load ${(median(f, 'warmDrawnMs') / median(f, 'coldDrawnMs')).toFixed(2)}× the cold one; ` +
      `the server's HTML is ${(serverShare * 100).toFixed(0)} % of the cold load`
    );
  });
  if (slowest)
    lines.unshift(`Slowest cold load: ${slowest[0].name} (${median(slowest[1], 'coldDrawnMs').toFixed(0)} ms).`);
  lines.push(
    `Load average at the end of the run: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}.`,
  );
  return lines;
}
