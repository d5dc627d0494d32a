import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

interface OverloadOptions {
  /** Mean event-loop delay over a sample above which `/graphql` is refused. */
  maxEventLoopDelayMs: number;
  sampleIntervalMs: number;
  retryAfterSeconds: number;
}

/**
 * A healthy gateway's loop waits a few milliseconds; a mean of SHED_LOAD_DELAY_MS
 * (400 by default) over a quarter second means requests queue faster than it answers them.
 */
const SAMPLING = { sampleIntervalMs: 250, retryAfterSeconds: 2 };

/**
 * Refuses `/graphql` with 503, Retry-After and a GraphQL-shaped reason while
 * the event loop is saturated (@fastify/under-pressure measures it), so a
 * flood is shed early instead of every request timing out. Health and
 * readiness checks still answer. Armed two samples after the app is ready, so
 * the start-up's own busy loop (building the schema) refuses no one.
 */
export async function shedLoadWhenSaturated(
  app: FastifyInstance,
  limit: Pick<OverloadOptions, 'maxEventLoopDelayMs'> & Partial<OverloadOptions>,
): Promise<void> {
  if (limit.maxEventLoopDelayMs === 0) return;
  const options: OverloadOptions = { ...SAMPLING, ...limit };
  // under-pressure sends what its handler returns (typed void); returning nothing lets the request through.
  let armed = false;
  app.addHook('onReady', async () => {
    setTimeout(() => {
      armed = true;
    }, options.sampleIntervalMs * 2).unref();
  });
  const refuse: (request: FastifyRequest, reply: FastifyReply) => void = (request, reply) => {
    if (!armed || !request.url.startsWith('/graphql')) return undefined;
    reply.status(503).header('retry-after', String(options.retryAfterSeconds));
    return {
      errors: [{ message: 'the gateway is overloaded: try again later', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    };
  };
  await app.register(underPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    sampleInterval: options.sampleIntervalMs,
    pressureHandler: refuse,
  });
}
