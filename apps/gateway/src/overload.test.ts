import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { shedLoadWhenSaturated } from './overload.js';

const options = { maxEventLoopDelayMs: 50, sampleIntervalMs: 100, retryAfterSeconds: 3 };
let app: FastifyInstance;

async function started(limits = options): Promise<FastifyInstance> {
  app = Fastify();
  await shedLoadWhenSaturated(app, limits);
  app.post('/graphql', async () => ({ data: { ok: true } }));
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.ready();
  await new Promise((resolve) => setTimeout(resolve, options.sampleIntervalMs * 3));
  // Until the sampler has taken a quiet sample (its delay is Infinity before the first one).
  for (
    let waited = 0;
    limits.maxEventLoopDelayMs > 0 && !(app.memoryUsage().eventLoopDelay <= limits.maxEventLoopDelayMs);
    waited += 1
  ) {
    if (waited > 50) throw new Error(`the event loop stays busy: ${app.memoryUsage().eventLoopDelay} ms`);
    await new Promise((resolve) => setTimeout(resolve, options.sampleIntervalMs));
  }
  return app;
}

/**
 * Keeps the event loop busy, as a flood of requests would: busy stretches of
 * 4× the limit with a turn of the loop between them, until the sampler has
 * seen it (it samples on a timer, so a few turns).
 */
async function saturate(): Promise<void> {
  for (let turns = 0; turns < 20; turns += 1) {
    const until = performance.now() + options.maxEventLoopDelayMs * 4;
    while (performance.now() < until) {}
    await new Promise((resolve) => setImmediate(resolve));
    if (app.memoryUsage().eventLoopDelay > options.maxEventLoopDelayMs) return;
  }
  throw new Error('the sampler never saw the busy loop');
}

afterEach(async () => {
  await app?.close();
});

describe('shedLoadWhenSaturated', () => {
  it('answers /graphql while the event loop keeps up', async () => {
    await started();
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: {} });
    expect(response.statusCode).toBe(200);
  });

  it('refuses /graphql with 503, Retry-After and SERVICE_UNAVAILABLE once the loop is saturated', async () => {
    await started();
    await saturate();
    const [graphql, health] = await Promise.all([
      app.inject({ method: 'POST', url: '/graphql', payload: {} }),
      app.inject({ method: 'GET', url: '/healthz' }),
    ]);
    expect(graphql.statusCode).toBe(503);
    expect(graphql.headers['retry-after']).toBe(String(options.retryAfterSeconds));
    expect(graphql.json()).toEqual({
      errors: [{ message: 'the gateway is overloaded: try again later', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(health.statusCode).toBe(200);
  });

  it('never refuses when its limit is 0 (SHED_LOAD_DELAY_MS=0: stacks that share one event loop)', async () => {
    await started({ ...options, maxEventLoopDelayMs: 0 });
    const until = performance.now() + options.sampleIntervalMs * 4;
    while (performance.now() < until) {}
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: {} });
    expect(response.statusCode).toBe(200);
  });
});
