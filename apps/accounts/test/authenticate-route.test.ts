import { IDENTITY_HEADER, serviceHeaders, signIdentity } from '@byline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
let token: string;

beforeAll(async () => {
  accounts = await startTestAccounts();
  await accounts.addUser('editor@byline.example', 'editor', 'editor password here');
  token = (await accounts.signIn('editor@byline.example', 'editor password here')).token;
});
afterAll(() => accounts?.close());

describe('POST /authenticate', () => {
  it('answers the gateway', async () => {
    const { status, body } = await accounts.authenticate({ token });
    expect(status).toBe(200);
    expect(body.identity).toMatchObject({ role: 'editor' });
  });

  const strangers: [string, Record<string, string>][] = [
    ['no identity', {}],
    ['a forged signature', serviceHeaders('gateway', 'another-secret-of-at-least-32-chars!!', 'accounts')],
    ['another service', serviceHeaders('analytics', SECRET, 'accounts')],
    ['the gateway, signed for another service', serviceHeaders('gateway', SECRET, 'content')],
    ['a user identity', { [IDENTITY_HEADER]: signIdentity({ sub: 'user:1', role: 'admin' }, SECRET, 'accounts') }],
    [
      'an expired signature',
      {
        [IDENTITY_HEADER]: signIdentity(
          { sub: 'service:gateway', role: null },
          SECRET,
          'accounts',
          Date.now() - 120_000,
        ),
      },
    ],
  ];
  for (const [who, headers] of strangers) {
    it(`refuses ${who} with a 401 and a JSON reason`, async () => {
      const { status, body } = await accounts.authenticate({ token }, headers);
      expect(status).toBe(401);
      expect(body).toEqual({ error: expect.any(String) });
    });
  }

  it('refuses bodies without a token string of at most 512 characters with a 400 naming the field', async () => {
    for (const body of [{}, { token: 42 }, { token: '' }, { token: 'x'.repeat(513) }, null, ['bys_x']]) {
      const answer = await accounts.authenticate(body);
      expect({ body, status: answer.status, field: answer.body.field }).toEqual({ body, status: 400, field: 'token' });
    }
  });

  it('refuses a body over 4 KiB and a body that is not JSON with a 4xx JSON error', async () => {
    const base = accounts.service.url.replace(/\/graphql$/, '');
    for (const body of [JSON.stringify({ token: 'x'.repeat(8192) }), '{"token": ']) {
      const response = await fetch(`${base}/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...serviceHeaders('gateway', SECRET, 'accounts') },
        body,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.json()).toHaveProperty('error');
    }
  });

  it('is the only way in: /graphql refuses unsigned calls too', async () => {
    const response = await fetch(accounts.service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ users { email } }' }),
    });
    expect(response.status).toBe(401);
  });
});
