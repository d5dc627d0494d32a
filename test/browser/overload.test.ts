import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DashboardProcess, startDashboardProcess } from '@byline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The live page polls every 2 s; its data must come back within the dashboard's live deadline (4.5 s) plus
 * a margin for a busy machine, well under the 15 s the other pages wait.
 */
const ANSWERED_WITHIN_MS = 7_000;
const USER = { id: '1', email: 'analyst@byline.example', name: 'Analyst', role: 'ANALYST' };

type Mode = 'slow' | 'http 503' | 'http 504' | 'http 429' | 'service unavailable' | 'session check 503' | 'reset';
let mode: Mode = 'slow';

/** A stand-in gateway: the session check answers a signed-in analyst, every other operation as `mode` says. */
function fakeGateway(request: IncomingMessage, response: ServerResponse): void {
  let text = '';
  request.on('data', (chunk) => {
    text += chunk;
  });
  request.on('end', () => {
    const { operationName } = JSON.parse(text) as { operationName?: string };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    if (operationName === 'Me' && mode !== 'session check 503') return send(200, { data: { me: USER } });
    switch (mode) {
      case 'slow':
        return; // never answers: the dashboard's deadline must
      case 'reset':
        return request.socket.destroy();
      case 'service unavailable':
        return send(200, {
          data: { live: null },
          errors: [{ message: 'analytics is not answering', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
        });
      default:
        return send(Number(mode.slice(-3)), { errors: [{ message: 'busy' }] }, { 'retry-after': '1' });
    }
  });
}

let gateway: Server;
let dashboard: DashboardProcess;

beforeAll(async () => {
  gateway = createServer(fakeGateway);
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const { port } = gateway.address() as AddressInfo;
  dashboard = await startDashboardProcess(`http://127.0.0.1:${port}/graphql`);
});

afterAll(async () => {
  await dashboard?.close();
  gateway?.closeAllConnections();
  await new Promise((resolve) => gateway?.close(resolve));
});

async function timed(path: string): Promise<{ status: number; retryAfter: string | null; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${dashboard.url}${path}`, {
    headers: { cookie: 'byline_session=a-session-token', accept: 'application/json' },
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
}

describe('the dashboard with the gateway overloaded', () => {
  const modes: Mode[] = [
    'slow',
    'http 503',
    'http 504',
    'http 429',
    'service unavailable',
    'session check 503',
    'reset',
  ];

  it.each(modes)('answers /live/data 503 with Retry-After within the live deadline (%s)', async (which) => {
    mode = which;
    const answer = await timed('/live/data');
    expect(answer.status).toBe(503);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.ms).toBeLessThan(ANSWERED_WITHIN_MS);
  });

  it.each(['slow', 'http 503', 'service unavailable'] as Mode[])(
    'answers the live page itself 503 with Retry-After (%s)',
    async (which) => {
      mode = which;
      const answer = await timed('/live');
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.ms).toBeLessThan(ANSWERED_WITHIN_MS);
    },
  );
});
