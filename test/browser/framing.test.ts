import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DashboardProcess, startDashboardProcess } from '@byline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser.js';

// The sign-in page needs no gateway: nothing listens here.
const NO_GATEWAY = 'http://127.0.0.1:9/graphql';

let dashboard: DashboardProcess;
let browser: TestBrowser;
let foreign: Server;
let foreignUrl: string;

/** Another site (another loopback port) framing the dashboard's sign-in form, and a form of its own as a control. */
function foreignSite(dashboardUrl: string): Server {
  return createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    if (request.url === '/own-form') {
      response.end('<!doctype html><form><input name="password" type="password"></form>');
      return;
    }
    response.end(
      `<!doctype html><title>Not the dashboard</title>
       <iframe name="dashboard" src="${dashboardUrl}/login"></iframe>
       <iframe name="own" src="/own-form"></iframe>`,
    );
  });
}

beforeAll(async () => {
  [dashboard, browser] = await Promise.all([startDashboardProcess(NO_GATEWAY), launchBrowser()]);
  foreign = foreignSite(dashboard.url).listen(0, '127.0.0.1');
  await once(foreign, 'listening');
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  if (foreign) await new Promise((resolve) => foreign.close(resolve));
});

describe('framing', () => {
  it('another site cannot frame the dashboard: the frame stays empty and Chromium reports frame-ancestors', async () => {
    const { page, context } = await browser.open();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) refusals.push(message.text());
    });
    await page.goto(foreignUrl, { waitUntil: 'load' });

    const own = page.frame({ name: 'own' });
    expect(await own?.locator('input[name="password"]').count()).toBe(1);
    const framed = page.frame({ name: 'dashboard' });
    expect(framed).not.toBeNull();
    expect(await framed?.locator('input[name="password"]').count()).toBe(0);
    expect(framed?.url().startsWith(dashboard.url)).toBe(false);
    expect(refusals.join('\n')).toContain("frame-ancestors 'none'");
    await context.close();
  });

  it('the same sign-in page opens normally on its own', async () => {
    const { page, context, errors } = await browser.open();
    await page.goto(`${dashboard.url}/login`, { waitUntil: 'load' });
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
