import { describe, expect, it } from 'vitest';
import { credentialOf } from './credential.js';

describe('the credential a request carries', () => {
  it('is the bearer token, else the session cookie, else none', () => {
    expect(credentialOf({ authorization: 'Bearer byt_abc' })).toBe('byt_abc');
    expect(credentialOf({ authorization: 'bearer  bys_x' })).toBe('bys_x');
    expect(credentialOf({ cookie: 'theme=dark; byline_session=bys_123; other=1' })).toBe('bys_123');
    expect(credentialOf({ cookie: 'byline_session=bys%3D1' })).toBe('bys=1');
    expect(credentialOf({ authorization: 'Bearer byt_a', cookie: 'byline_session=bys_b' })).toBe('byt_a');
    expect(credentialOf({})).toBeNull();
    expect(credentialOf({ cookie: 'theme=dark' })).toBeNull();
    expect(credentialOf({ cookie: 'xbyline_session=bys_1' })).toBeNull();
    expect(credentialOf({ cookie: 'byline_session=%E0%A4%A' })).toBe('');
  });

  it('is an empty (so refused) credential when Authorization is present but not a bearer token', () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'byt_abc']) {
      expect(credentialOf({ authorization: header })).toBe('');
    }
  });
});
