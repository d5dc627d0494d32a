import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hasScope,
  IDENTITY_TTL_MS,
  internalSecret,
  ROLES,
  SCOPES,
  scopesOf,
  signIdentity,
  verifyIdentity,
} from './index.js';

const SECRET = 'a'.repeat(32);
const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('signed identities', () => {
  it('round-trips every role and the optional claims', () => {
    for (const role of [...ROLES, null]) {
      const identity = { sub: 'user:42', role, sid: 's1', ip: '203.0.113.9', userAgent: 'Mozilla/5.0 (X11)' };
      expect(verifyIdentity(signIdentity(identity, SECRET, 'content', NOW), SECRET, 'content', NOW)).toEqual(identity);
    }
  });

  it('refuses a token signed with another secret, tampered claims, expiry and garbage', () => {
    const token = signIdentity({ sub: 'user:1', role: 'viewer' }, SECRET, 'content', NOW);
    expect(verifyIdentity(token, 'b'.repeat(32), 'content', NOW)).toBeNull();
    const [version, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'user:1', role: 'admin', exp: NOW + 1000 })).toString('base64url');
    expect(verifyIdentity(`${version}.${forged}.${signature}`, SECRET, 'content', NOW)).toBeNull();
    expect(verifyIdentity(token, SECRET, 'content', NOW + IDENTITY_TTL_MS + 1)).toBeNull();
    for (const junk of [undefined, '', 'v1', 'v1..', `${token}.x`, token.replace('v1', 'v2'), 'v1.e30.AAAA']) {
      expect(verifyIdentity(junk, SECRET, 'content', NOW)).toBeNull();
    }
  });

  it('refuses a token at any service but the one it was signed for', () => {
    const token = signIdentity({ sub: 'user:1', role: 'editor' }, SECRET, 'content', NOW);
    expect(verifyIdentity(token, SECRET, 'content', NOW)).not.toBeNull();
    for (const other of ['analytics', 'accounts', 'Content', '']) {
      expect(verifyIdentity(token, SECRET, other, NOW)).toBeNull();
    }
  });

  it('refuses a validly signed token whose role is not a role', () => {
    const token = signIdentity({ sub: 'user:1', role: 'root' as never }, SECRET, 'content', NOW);
    expect(verifyIdentity(token, SECRET, 'content', NOW)).toBeNull();
  });
});

describe('scopes', () => {
  it('give readership to editors, analysts, marketing and admins, editing to editors and admins, users to admins', () => {
    const holders = (scope: (typeof SCOPES)[number]) => ROLES.filter((role) => scopesOf(role).includes(scope));
    expect(holders('readership:read')).toEqual(['editor', 'analyst', 'marketing', 'admin']);
    expect(holders('content:edit')).toEqual(['editor', 'admin']);
    expect(holders('users:manage')).toEqual(['admin']);
    expect(hasScope({ sub: 'anonymous', role: null }, 'readership:read')).toBe(false);
  });
});

describe('internal secret', () => {
  it('uses the given one, otherwise creates one file (0600) and keeps reusing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'byline-secret-'));
    expect(internalSecret('x'.repeat(40), dir)).toBe('x'.repeat(40));
    const first = internalSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(internalSecret(undefined, dir)).toBe(first);
    expect(readFileSync(join(dir, 'internal-secret'), 'utf8')).toBe(first);
    expect(statSync(join(dir, 'internal-secret')).mode & 0o777).toBe(0o600);
  });
});
