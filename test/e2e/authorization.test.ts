import { IDENTITY_HEADER, ROLES, type Role, type Scope, scopesOf, serviceHeaders, signIdentity } from '@byline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizedFields } from '../support/authorized-fields.js';
import { STACK_SECRET, type Stack, startStack } from '../support/stack.js';

/**
 * The authorization matrix through the real gateway: no login, a session of
 * every role and an API token, against every protected field and mutation.
 * What each caller should get follows from the scope table of @byline/auth.
 */

const AUTH_CACHE_MS = 200;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ articles: 60, gatewayEnv: { AUTH_CACHE_MS: String(AUTH_CACHE_MS) } });
});
afterAll(() => stack?.close());

/** What a field asks of its caller: a scope, any signed-in caller, or a person (a session, not an API token). */
type Needs = Scope | 'signed-in' | 'person';

interface Case {
  field: string;
  needs: Needs;
  query: string;
  /** Where the protected value is in `data`: present when allowed, absent when refused. */
  pick?: (string | number)[];
  /** Allowed callers get this error instead of data (the arguments point at nothing, so nothing is written). */
  allowedError?: 'BAD_USER_INPUT';
  /** Run with a session of its own (the operation ends the session). */
  ownSession?: boolean;
}

const NOTHING = '987654321';
const firstNode = (field: string) => `{ articles(first: 1) { edges { node { id ${field} } } } }`;
const nodeValue = (key: string) => ['articles', 'edges', 0, 'node', key];
const ARTICLE_INPUT = `{ slug: "matrix", title: "Matrix", body: ["text"], sectionId: "${NOTHING}", authorIds: [] }`;

const CASES: Case[] = [
  {
    field: 'Query.readership',
    needs: 'readership:read',
    query: '{ readership(by: []) { views } }',
    pick: ['readership'],
  },
  {
    field: 'Query.topArticles',
    needs: 'readership:read',
    query: '{ topArticles { views } }',
    pick: ['topArticles'],
  },
  {
    field: 'Query.shareStats',
    needs: 'readership:read',
    query: '{ shareStats(by: NETWORK) { key } }',
    pick: ['shareStats'],
  },
  { field: 'Query.live', needs: 'readership:read', query: '{ live { activeReaders } }', pick: ['live'] },
  { field: 'Article.views', needs: 'readership:read', query: firstNode('views'), pick: nodeValue('views') },
  {
    field: 'Article.uniqueReaders',
    needs: 'readership:read',
    query: firstNode('uniqueReaders'),
    pick: nodeValue('uniqueReaders'),
  },
  {
    field: 'Article.viewsTimeline',
    needs: 'readership:read',
    query: firstNode('viewsTimeline { views }'),
    pick: nodeValue('viewsTimeline'),
  },
  {
    field: 'Article.readership',
    needs: 'readership:read',
    query: firstNode('readership(by: COUNTRY) { views }'),
    pick: nodeValue('readership'),
  },
  {
    field: 'Article.shares',
    needs: 'readership:read',
    query: firstNode('shares { total }'),
    pick: nodeValue('shares'),
  },
  {
    field: 'Article.amplification',
    needs: 'readership:read',
    query: firstNode('amplification { shares }'),
    pick: nodeValue('amplification'),
  },
  {
    field: 'Article.engagedTime',
    needs: 'readership:read',
    query: firstNode('engagedTime { engagedViews }'),
    pick: nodeValue('engagedTime'),
  },
  {
    field: 'Section.performance',
    needs: 'readership:read',
    query: '{ sections { slug performance { current { views } } } }',
    pick: ['sections', 0, 'performance'],
  },
  {
    field: 'Author.performance',
    needs: 'readership:read',
    query: '{ authors(first: 1) { slug performance { current { views } } } }',
    pick: ['authors', 0, 'performance'],
  },
  {
    field: 'Mutation.createArticle',
    needs: 'content:edit',
    query: `mutation { createArticle(edition: "zz", input: ${ARTICLE_INPUT}) { id } }`,
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.updateArticle',
    needs: 'content:edit',
    query: `mutation { updateArticle(id: "${NOTHING}", input: ${ARTICLE_INPUT}) { id } }`,
    allowedError: 'BAD_USER_INPUT',
  },
  ...['publishArticle', 'unpublishArticle', 'archiveArticle'].map(
    (name): Case => ({
      field: `Mutation.${name}`,
      needs: 'content:edit',
      query: `mutation { ${name}(id: "${NOTHING}") { id } }`,
      allowedError: 'BAD_USER_INPUT',
    }),
  ),
  {
    field: 'Mutation.recordView',
    needs: 'signed-in',
    query: 'mutation { recordView(input: { articleId: "0", url: "https://byline.example/x" }) { accepted } }',
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.recordShare',
    needs: 'signed-in',
    query:
      'mutation { recordShare(input: { articleId: "0", network: "x", url: "https://byline.example/x" }) { accepted } }',
    allowedError: 'BAD_USER_INPUT',
  },
  { field: 'Query.users', needs: 'users:manage', query: '{ users { id } }', pick: ['users'] },
  { field: 'Query.apiTokens', needs: 'users:manage', query: '{ apiTokens { id } }', pick: ['apiTokens'] },
  {
    field: 'Mutation.createUser',
    needs: 'users:manage',
    query: 'mutation { createUser(input: { email: "m@byline.example", role: ADMIN, password: "short" }) { id } }',
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.updateUser',
    needs: 'users:manage',
    query: `mutation { updateUser(id: "${NOTHING}", input: { role: ADMIN }) { id } }`,
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.revokeSessions',
    needs: 'users:manage',
    query: `mutation { revokeSessions(userId: "${NOTHING}") }`,
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.createApiToken',
    needs: 'users:manage',
    query: 'mutation { createApiToken(input: { name: "m", role: ADMIN, expiresInDays: 0 }) { token } }',
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.revokeApiToken',
    needs: 'users:manage',
    query: `mutation { revokeApiToken(id: "${NOTHING}") { id } }`,
    allowedError: 'BAD_USER_INPUT',
  },
  {
    field: 'Mutation.changePassword',
    needs: 'person',
    query: 'mutation { changePassword(current: "whatever it is", new: "short") }',
    allowedError: 'BAD_USER_INPUT',
  },
  { field: 'Mutation.logout', needs: 'signed-in', query: 'mutation { logout }', pick: ['logout'], ownSession: true },
];

interface Caller {
  name: string;
  kind: 'anonymous' | 'session' | 'token';
  role: Role | null;
}

const API_TOKEN_ROLE: Role = 'editor';
const CALLERS: Caller[] = [
  { name: 'no login', kind: 'anonymous', role: null },
  ...ROLES.map((role): Caller => ({ name: role, kind: 'session', role })),
  { name: `API token (${API_TOKEN_ROLE})`, kind: 'token', role: API_TOKEN_ROLE },
];

type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** The scope table decides; `person` also refuses API tokens, which are not anyone's session. */
function expected(caller: Caller, needs: Needs): Outcome {
  if (caller.role === null) return 'UNAUTHENTICATED';
  if (needs === 'signed-in') return 'allowed';
  if (needs === 'person') return caller.kind === 'session' ? 'allowed' : 'FORBIDDEN';
  return scopesOf(caller.role).includes(needs) ? 'allowed' : 'FORBIDDEN';
}

let apiToken: string;
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

async function freshSession(role: Role): Promise<string> {
  const { email, password } = stack.users[role];
  const { body } = await stack.query<{ login: { token: string } }>(LOGIN, { email, password });
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.login.token;
}

async function tokenOf(caller: Caller, ownSession: boolean): Promise<string | undefined> {
  if (caller.kind === 'token') return apiToken;
  if (caller.role === null) return undefined;
  return ownSession ? freshSession(caller.role) : stack.tokenFor(caller.role);
}

/** What a caller got, described so that a wrong cell reads plainly in the diff. */
async function outcome(testCase: Case, caller: Caller): Promise<string> {
  const token = await tokenOf(caller, testCase.ownSession ?? false);
  const { body } = await stack.query(testCase.query, {}, token === undefined ? {} : { token });
  const codes = (body.errors ?? []).map((error) => error.extensions?.code);
  const refusal = codes.find((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN');
  if (refusal) {
    const leaked = testCase.pick && valueAt(body.data, testCase.pick);
    return leaked === undefined || leaked === null ? String(refusal) : `${refusal} but the value leaked`;
  }
  if (testCase.allowedError)
    return codes[0] === testCase.allowedError ? 'allowed' : `unexpected: ${JSON.stringify(body)}`;
  const value = testCase.pick && valueAt(body.data, testCase.pick);
  return codes.length === 0 && value !== undefined && value !== null
    ? 'allowed'
    : `unexpected: ${JSON.stringify(body)}`;
}

describe('the authorization matrix', () => {
  beforeAll(async () => {
    const { body } = await stack.query<{ createApiToken: { token: string } }>(
      `mutation { createApiToken(input: { name: "matrix", role: ${API_TOKEN_ROLE.toUpperCase()}, expiresInDays: 1 }) { token } }`,
      {},
      { token: await stack.tokenFor('admin') },
    );
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    apiToken = body.data.createApiToken.token;
  });

  it('covers every field the subgraphs protect, with the scope each one names', () => {
    const declared = new Map(
      CASES.map((testCase) => [
        testCase.field,
        testCase.needs === 'signed-in' || testCase.needs === 'person' ? [] : [testCase.needs],
      ]),
    );
    expect(declared.size).toBe(CASES.length);
    expect(Object.fromEntries(declared)).toEqual(Object.fromEntries(authorizedFields()));
  });

  for (const testCase of CASES) {
    it(`${testCase.field} (${testCase.needs})`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const caller of CALLERS) {
        want[caller.name] = expected(caller, testCase.needs);
        got[caller.name] = await outcome(testCase, caller);
      }
      expect(got).toEqual(want);
      // Both sides of the line are exercised for every field.
      expect(Object.values(want)).toContain('allowed');
      expect(Object.values(want)).toContain('UNAUTHENTICATED');
    });
  }
});

describe('the subgraphs', () => {
  const subgraphs = () => ({
    content: stack.content.url,
    analytics: stack.analytics.url,
    accounts: stack.accounts.url,
  });
  const another = (name: string) => (name === 'content' ? 'analytics' : 'content');
  const callers: [string, (subgraph: string) => Record<string, string>][] = [
    ['no signature', () => ({})],
    [
      'a signature made with another secret',
      (name) => ({ [IDENTITY_HEADER]: signIdentity({ sub: 'user:1', role: 'admin' }, 'x'.repeat(40), name) }),
    ],
    [
      'a tampered identity',
      (name) => ({ [IDENTITY_HEADER]: tamper(signIdentity({ sub: 'user:1', role: 'viewer' }, STACK_SECRET, name)) }),
    ],
    [
      'an identity signed for another subgraph (a replay)',
      (name) => ({ [IDENTITY_HEADER]: signIdentity({ sub: 'user:1', role: 'admin' }, STACK_SECRET, another(name)) }),
    ],
  ];

  for (const [what, headersFor] of callers) {
    it(`refuse a direct call with ${what} with a 401`, async () => {
      for (const [name, url] of Object.entries(subgraphs())) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headersFor(name) },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        expect({ name, status: response.status }).toEqual({ name, status: 401 });
      }
    });
  }

  it('answer the same call when the gateway’s secret signed it (so the 401s above are about the signature)', async () => {
    for (const [name, url] of Object.entries(subgraphs())) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...serviceHeaders('gateway', STACK_SECRET, name) },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect({ name, status: response.status }).toEqual({ name, status: 200 });
    }
  });
});

describe('credentials that stop working', () => {
  const VIEWS = '{ articles(first: 1) { edges { node { views } } } }';
  const pause = () => new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 100));
  const codeOf = async (token: string) => (await stack.query(VIEWS, {}, { token })).body.errors?.[0]?.extensions?.code;

  async function newAnalyst(email: string): Promise<{ id: string; token: string }> {
    const admin = { token: await stack.tokenFor('admin') };
    const password = 'a new analyst password';
    const { body } = await stack.query<{ createUser: { id: string } }>(
      'mutation($email: String!, $password: String!) { createUser(input: { email: $email, role: ANALYST, password: $password }) { id } }',
      { email, password },
      admin,
    );
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    const login = await stack.query<{ login: { token: string } }>(LOGIN, { email, password });
    return { id: body.data.createUser.id, token: login.body.data?.login.token ?? '' };
  }

  it('a session revoked by an admin is refused as UNAUTHENTICATED within AUTH_CACHE_MS', async () => {
    const analyst = await newAnalyst('revoked@stack.example');
    expect(await codeOf(analyst.token)).toBeUndefined();
    const revoked = await stack.query<{ revokeSessions: number }>(
      'mutation($id: ID!) { revokeSessions(userId: $id) }',
      { id: analyst.id },
      { token: await stack.tokenFor('admin') },
    );
    expect(revoked.body.data?.revokeSessions).toBe(1);
    await pause();
    const { status, body } = await stack.query(VIEWS, {}, { token: analyst.token });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(status).toBe(401);
  });

  it('a session that logged out is refused', async () => {
    const analyst = await newAnalyst('loggedout@stack.example');
    const out = await stack.query<{ logout: boolean }>('mutation { logout }', {}, { token: analyst.token });
    expect(out.body.data?.logout).toBe(true);
    await pause();
    expect(await codeOf(analyst.token)).toBe('UNAUTHENTICATED');
  });

  it('an API token past its expiry is refused', async () => {
    const { body } = await stack.query<{ createApiToken: { token: string; apiToken: { id: string } } }>(
      'mutation { createApiToken(input: { name: "short-lived", role: ANALYST, expiresInDays: 1 }) { token apiToken { id } } }',
      {},
      { token: await stack.tokenFor('admin') },
    );
    const created = body.data?.createApiToken;
    if (!created) throw new Error(JSON.stringify(body.errors));
    expect(await codeOf(created.token)).toBeUndefined();
    // The day has passed: as the accounts clock would see it a day later.
    await stack.accounts.db.query(
      `UPDATE accounts.api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [created.apiToken.id],
    );
    await pause();
    expect(await codeOf(created.token)).toBe('UNAUTHENTICATED');
  });
});

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<string | number, unknown> | null | undefined)?.[key];
  return value;
}

/** Changes one character of the signed payload, keeping the signature. */
function tamper(signed: string): string {
  const [version, payload = '', signature] = signed.split('.');
  const flipped = `${payload.slice(0, -1)}${payload.endsWith('A') ? 'B' : 'A'}`;
  return [version, flipped, signature].join('.');
}
