import { describe, expect, it } from 'vitest';
import { answersJson, needOf, refusal, roleHas } from './access';

describe('route access', () => {
  it('asks nothing to sign in or out, the readership scope for the readership group, a session elsewhere', () => {
    expect(needOf('/login')).toBe('nothing');
    expect(needOf('/logout')).toBe('nothing');
    expect(needOf('/(readership)/live')).toBe('readership:read');
    expect(needOf('/(readership)/live/data')).toBe('readership:read');
    expect(needOf('/(readership)/articles/[id]')).toBe('readership:read');
    expect(needOf(null)).toBe('session');
  });

  it('answers JSON only for endpoints', () => {
    expect(answersJson('/(readership)/live/data')).toBe(true);
    expect(answersJson('/(readership)/live')).toBe(false);
    expect(answersJson(null)).toBe(false);
  });

  it('gives readership to editors, analysts, marketing and admins, in either case', () => {
    const readers = ['VIEWER', 'EDITOR', 'ANALYST', 'MARKETING', 'ADMIN'].filter((role) =>
      roleHas(role, 'readership:read'),
    );
    expect(readers).toEqual(['EDITOR', 'ANALYST', 'MARKETING', 'ADMIN']);
    expect(roleHas('analyst', 'readership:read')).toBe(true);
    expect(roleHas('OWNER', 'readership:read')).toBe(false);
  });

  it('refuses with 401 without a user and 403 without the scope', () => {
    expect(refusal('nothing', null)).toBeNull();
    expect(refusal('session', null)).toBe(401);
    expect(refusal('readership:read', null)).toBe(401);
    expect(refusal('session', { role: 'VIEWER' })).toBeNull();
    expect(refusal('readership:read', { role: 'VIEWER' })).toBe(403);
    expect(refusal('readership:read', { role: 'ANALYST' })).toBeNull();
  });
});
