import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.js';

const SECRET = 'gateway-config-test-secret-of-32-chars';

describe('the gateway configuration', () => {
  it('refuses to start in production without INTERNAL_SECRET, and generates one only elsewhere', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'byline-gateway-config-'));
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', BYLINE_DATA_DIR: dataDir })).toThrow(
      /^gateway: invalid configuration\n {2}- INTERNAL_SECRET: required when NODE_ENV=production/,
    );
    expect(loadGatewayConfig({ NODE_ENV: 'production', INTERNAL_SECRET: SECRET }).internalSecret).toBe(SECRET);
    const generated = loadGatewayConfig({ BYLINE_DATA_DIR: dataDir }).internalSecret;
    expect(generated).toBe(readFileSync(join(dataDir, 'internal-secret'), 'utf8'));
  });
});
