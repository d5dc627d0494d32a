import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig, startGateway } from '@byline/gateway';
import type { RunningService } from '@byline/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SUBGRAPH_TIMEOUT_MS = 500;
// Nothing listens on the discard port.
const DOWN = 'http://127.0.0.1:9/graphql';

let silent: Server;
let slowGateway: RunningService;
let downGateway: RunningService;

/** A gateway whose content subgraph is `contentUrl`; anonymous `{ editions }` needs content only. */
function gatewayOver(contentUrl: string): Promise<RunningService> {
  return startGateway(
    loadGatewayConfig({
      GATEWAY_PORT: '0',
      CONTENT_URL: contentUrl,
      ANALYTICS_URL: DOWN,
      ACCOUNTS_URL: DOWN,
      SUBGRAPH_TIMEOUT_MS: String(SUBGRAPH_TIMEOUT_MS),
      LOG_LEVEL: 'silent',
      INTERNAL_SECRET: 'subgraph-overload-secret-of-32-characters',
      // Every service shares this process's event loop: the gateway's load shedding would measure theirs.
      SHED_LOAD_DELAY_MS: '0',
    }),
  );
}

beforeAll(async () => {
  // Takes the request and never answers: a subgraph stuck under load.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as AddressInfo;
  [slowGateway, downGateway] = await Promise.all([gatewayOver(`http://127.0.0.1:${port}/graphql`), gatewayOver(DOWN)]);
});

afterAll(async () => {
  await Promise.all([slowGateway?.close(), downGateway?.close()]);
  silent?.closeAllConnections();
  await new Promise((resolve) => silent?.close(resolve));
});

async function ask(gateway: RunningService) {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ editions }' }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: object }[] };
  return { status: response.status, body, ms: performance.now() - started };
}

describe('the gateway with a subgraph stuck or down', () => {
  it('answers 200 with SERVICE_UNAVAILABLE naming the subgraph when it does not answer within the deadline', async () => {
    const { status, body, ms } = await ask(slowGateway);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toMatchObject({
      message: `subgraph "content" did not answer within ${SUBGRAPH_TIMEOUT_MS} ms`,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(ms).toBeGreaterThanOrEqual(SUBGRAPH_TIMEOUT_MS);
    expect(ms).toBeLessThan(SUBGRAPH_TIMEOUT_MS + 4_000);
  });

  it('answers 200 with SERVICE_UNAVAILABLE, and no address, when it is down', async () => {
    const { status, body } = await ask(downGateway);
    expect(status).toBe(200);
    expect(body.errors?.[0]).toMatchObject({
      message: 'subgraph "content" is unreachable',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
  });
});
