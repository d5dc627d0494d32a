import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTrustedDocuments, sha256Hex } from './manifest.js';

const DASHBOARD = fileURLToPath(new URL('../../../../schema/trusted-documents/dashboard.json', import.meta.url));
const committed = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const folder = mkdtempSync(join(tmpdir(), 'byline-manifest-'));

function manifestFile(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('sha256Hex', () => {
  it('is the lowercase hex SHA-256 of the text (FIPS 180-2 test vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('loadTrustedDocuments', () => {
  it('lists every operation of the committed dashboard manifest by the hash of its body', () => {
    const documents = loadTrustedDocuments([DASHBOARD]);
    expect(committed.operations.length).toBeGreaterThan(0);
    expect(documents.size).toBe(new Set(committed.operations.map((operation) => operation.id)).size);
    for (const { body } of committed.operations) {
      const id = createHash('sha256').update(body, 'utf8').digest('hex');
      expect(documents.get(id)).toBe(body);
    }
  });

  it('lists nothing without manifests', () => {
    expect(loadTrustedDocuments([]).size).toBe(0);
  });

  it('refuses a forged manifest: an id that is not its body’s hash', () => {
    const [first, ...rest] = committed.operations;
    if (!first) throw new Error('the committed manifest lists no operation');
    const forged = { ...first, body: `${first.body}\n# changed` };
    const path = manifestFile('forged.json', { ...committed, operations: [forged, ...rest] });
    expect(() => loadTrustedDocuments([path])).toThrow(
      `${path}: operation ${first.name} has an id that is not the sha256 of its body`,
    );
  });

  it('refuses what is not a persisted query manifest, naming the file and the field', () => {
    const wrongFormat = manifestFile('format.json', { ...committed, format: 'relay' });
    expect(() => loadTrustedDocuments([wrongFormat])).toThrow(
      `${wrongFormat}: not a persisted query manifest (format:`,
    );
    const badId = manifestFile('id.json', {
      ...committed,
      operations: [{ id: 'ABC', name: 'Bad', type: 'query', body: '{ editions }' }],
    });
    expect(() => loadTrustedDocuments([badId])).toThrow(
      `${badId}: not a persisted query manifest (operations.0.id: must be a lowercase sha256 hex digest)`,
    );
  });

  it('refuses a file that is missing or not JSON, naming it', () => {
    const missing = join(folder, 'missing.json');
    expect(() => loadTrustedDocuments([missing])).toThrow(`${missing}: ENOENT`);
    const garbage = manifestFile('garbage.json', '{ not json');
    expect(() => loadTrustedDocuments([garbage])).toThrow(`${garbage}: `);
  });

  it('merges several manifests', () => {
    const body = 'query Editions { editions }';
    const extra = manifestFile('extra.json', {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: createHash('sha256').update(body).digest('hex'), name: 'Editions', type: 'query', body }],
    });
    const merged = loadTrustedDocuments([DASHBOARD, extra]);
    expect(merged.size).toBe(loadTrustedDocuments([DASHBOARD]).size + 1);
    expect([...merged.values()]).toContain(body);
  });
});
