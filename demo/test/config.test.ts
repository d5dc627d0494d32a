import { ConfigError } from '@byline/config';
import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadDemoConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the demo configuration', () => {
  it('defaults to pnpm start amounts and this machine', () => {
    const config = loadDemoConfig({});
    expect([config.articles, config.events]).toEqual([20_000, 2_000_000]);
    expect([config.gatewayUrl, config.collectUrl]).toEqual([
      'http://127.0.0.1:4000/graphql',
      'http://127.0.0.1:4002/collect',
    ]);
  });

  it('sends made-up traffic only to this machine, and names what is wrong', () => {
    expect(loadDemoConfig({ COLLECT_URL: 'http://localhost:14102/collect' }).collectUrl).toBe(
      'http://localhost:14102/collect',
    );
    expect(problemsOf({ COLLECT_URL: 'https://news.example/collect' })).toEqual([
      'COLLECT_URL: must point to this machine (127.0.0.1, localhost or [::1])',
    ]);
    expect(problemsOf({ GATEWAY_URL: 'garbage' })).toEqual(['GATEWAY_URL: Invalid URL']);
    expect(problemsOf({ DEMO_EVENTS: '-1' })[0]).toMatch(/^DEMO_EVENTS: /);
  });
});
