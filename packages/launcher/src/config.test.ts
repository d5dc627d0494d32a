import { join, resolve } from 'node:path';
import { ConfigError } from '@byline/config';
import { describe, expect, it } from 'vitest';
import { loadLauncherConfig } from './config.js';

const ROOT = resolve('/srv/byline');

describe('the launcher configuration', () => {
  it('maps the defaults to its camelCase shape, the data folder made absolute', () => {
    expect(loadLauncherConfig(ROOT, {})).toEqual({
      dataDir: join(ROOT, '.data'),
      databaseUrl: undefined,
      clickhouseUrl: undefined,
    });
    expect(loadLauncherConfig(ROOT, { BYLINE_DATA_DIR: 'relative' }).dataDir).toBe(resolve('relative'));
  });

  it('names the variable that is wrong', () => {
    expect(() => loadLauncherConfig(ROOT, { DATABASE_URL: 'mysql://db' })).toThrow(ConfigError);
    expect(() => loadLauncherConfig(ROOT, { DATABASE_URL: 'mysql://db' })).toThrow(
      /^launcher: invalid configuration\n {2}- DATABASE_URL: expected a postgres:\/\/ URL/,
    );
    expect(() => loadLauncherConfig(ROOT, { CLICKHOUSE_URL: 'clickhouse' })).toThrow(/- CLICKHOUSE_URL: /);
  });
});
