import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

/** The tracking snippet, served beside the collector so `data-endpoint` can be left out (src/ and dist/ alike). */
const SNIPPET = fileURLToPath(new URL('../../snippet/byline.min.js', import.meta.url));

/** The collector's other routes: `GET /metrics` (counters) and `GET /byline.min.js` (the snippet). */
export async function collectorRoutes(app: FastifyInstance, metrics: Metrics): Promise<void> {
  app.get('/metrics', async () => metrics.snapshot());
  const snippet = await readFile(SNIPPET, 'utf8');
  app.get('/byline.min.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(snippet),
  );
}
