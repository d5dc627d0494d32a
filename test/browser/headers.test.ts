import { type DashboardProcess, startDashboardProcess } from '@byline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Nothing listens there: none of these requests needs the gateway (no session is sent).
const NO_GATEWAY = 'http://127.0.0.1:9/graphql';

/** What every response must say, as docs/security.md lists it. */
const HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};
const DENIED_FEATURES = ['camera', 'microphone', 'geolocation', 'payment', 'usb'];
const POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

let dashboard: DashboardProcess;

beforeAll(async () => {
  dashboard = await startDashboardProcess(NO_GATEWAY);
});

afterAll(async () => {
  await dashboard?.close();
});

function directivesOf(header: string | null): Map<string, string[]> {
  expect(header, 'content-security-policy').toBeTruthy();
  return new Map(
    (header ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** The headers every response carries; returns the script-src sources, which differ between pages and the rest. */
function expectProtected(response: Response): string[] {
  for (const [name, value] of Object.entries(HEADERS)) expect(response.headers.get(name), name).toBe(value);
  const features = new Map(
    (response.headers.get('permissions-policy') ?? '')
      .split(',')
      .map((entry) => entry.trim().split('=') as [string, string]),
  );
  for (const feature of DENIED_FEATURES) expect(features.get(feature), feature).toBe('()');
  const directives = directivesOf(response.headers.get('content-security-policy'));
  for (const [name, sources] of Object.entries(POLICY)) expect(directives.get(name), name).toEqual(sources);
  const scripts = directives.get('script-src') ?? [];
  expect(scripts[0]).toBe("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  return scripts;
}

describe('security headers', () => {
  it('on a page: the full policy, with the hash of each inline script SvelteKit writes', async () => {
    const response = await fetch(`${dashboard.url}/login`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (match) => match[1] ?? '',
    );
    expect(inline.length).toBeGreaterThan(0);
    const hashes = await Promise.all(
      inline.map(async (script) => {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
        return `'sha256-${Buffer.from(digest).toString('base64')}'`;
      }),
    );
    expect(expectProtected(response).slice(1).sort()).toEqual([...new Set(hashes)].sort());
  });

  it('on an endpoint, a redirect and static assets: the same policy, no inline script allowed', async () => {
    const endpoint = await fetch(`${dashboard.url}/live/data`);
    expect(endpoint.status).toBe(401);
    const redirect = await fetch(`${dashboard.url}/live`, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    const favicon = await fetch(`${dashboard.url}/favicon.svg`);
    expect(favicon.status).toBe(200);
    const page = await (await fetch(`${dashboard.url}/login`)).text();
    const chunk = page.match(/\/_app\/immutable\/[^"]+\.js/)?.[0];
    expect(chunk).toBeDefined();
    const script = await fetch(`${dashboard.url}${chunk}`);
    expect(script.status).toBe(200);
    for (const response of [endpoint, redirect, favicon, script]) {
      expect(expectProtected(response), response.url).toEqual(["'self'"]);
    }
  });
});
