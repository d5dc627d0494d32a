import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Launch, services } from './services.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const names = services.map((spec) => spec.name);
const embedded: Launch = { externalDatabase: false, externalClickHouse: false, traffic: true, urls: {} };

function ran(launch: Launch): string[] {
  return services.filter((spec) => !spec.skip?.(launch)).map((spec) => spec.name);
}

describe('what pnpm start runs', () => {
  it('seeds the embedded stores through the demo, never from a service', () => {
    const demo = services.filter((spec) => spec.script.startsWith('demo/')).map((spec) => spec.name);
    expect(demo).toEqual(['seed', 'users', 'readership', 'traffic']);
  });

  it('orders each demo step after what it needs and before what reads it', () => {
    const at = (name: string) => names.indexOf(name);
    expect(at('migrate')).toBeLessThan(at('seed'));
    expect(at('seed')).toBeLessThan(at('content'));
    expect(at('users')).toBeLessThan(at('accounts'));
    // The readership seeder asks content for the catalogue and must be done with chDB before analytics opens it.
    expect(at('content')).toBeLessThan(at('readership'));
    expect(at('readership')).toBeLessThan(at('analytics'));
    expect(at('traffic')).toBeGreaterThan(Math.max(at('gateway'), at('analytics')));
  });

  it('runs everything on embedded defaults', () => {
    expect(ran(embedded)).toEqual(names);
  });

  it('seeds no server of the user, and sends no traffic with --no-traffic', () => {
    expect(ran({ ...embedded, externalDatabase: true })).toEqual(
      names.filter((name) => !['postgres', 'seed', 'users'].includes(name)),
    );
    expect(ran({ ...embedded, externalClickHouse: true })).toEqual(names.filter((name) => name !== 'readership'));
    expect(ran({ ...embedded, traffic: false })).toEqual(names.filter((name) => name !== 'traffic'));
  });

  it('points only at scripts the build makes', () => {
    const built = services.filter((spec) => spec.script.includes('/dist/'));
    for (const spec of built)
      expect(existsSync(`${repoRoot}${spec.script.replace('/dist/', '/src/').replace(/\.js$/, '.ts')}`)).toBe(true);
  });
});
