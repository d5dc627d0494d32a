import { ANONYMOUS } from '@byline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMIT } from '../src/sessions/login-limiter.js';
import { firstError, LOGIN, startTestAccounts, type TestAccounts } from './support/accounts.js';

let accounts: TestAccounts;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  accounts = await startTestAccounts();
  await accounts.addUser('Editor@Byline.Example', 'editor', PASSWORD);
  await accounts.addUser('gone@byline.example', 'analyst', PASSWORD);
  await accounts.service.db.query(`UPDATE accounts.users SET disabled = true WHERE email = 'gone@byline.example'`);
});
afterAll(() => accounts?.close());

interface LoginResult {
  login: { token: string; expiresAt: string; user: { email: string; role: string } };
}
const LOGIN_WITH_USER =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { email role } } }';

/** Each test signs in from an IP of its own, so the per-IP limit of one does not spill into another. */
let nextIp = 1;
const freshIp = () => ({ ...ANONYMOUS, ip: `10.1.0.${nextIp++}` });

describe('login', () => {
  it('signs in with the right password, whatever the email’s case, for SESSION_TTL_HOURS', async () => {
    const before = Date.now();
    const result = await accounts.gql<LoginResult>(
      LOGIN_WITH_USER,
      { email: ' editor@BYLINE.example ', password: PASSWORD },
      freshIp(),
    );
    expect(result.errors).toBeUndefined();
    const session = result.data?.login;
    expect(session?.token).toMatch(/^bys_[A-Za-z0-9_-]{43}$/);
    expect(session?.user).toEqual({ email: 'editor@byline.example', role: 'EDITOR' });
    const ttl = new Date(session?.expiresAt ?? 0).getTime() - before;
    expect(ttl).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(ttl).toBeLessThan(12 * 3_600_000 + 10_000);
    const [row] = await accounts.service.db.query(
      `SELECT last_login_at FROM accounts.users WHERE email = 'editor@byline.example'`,
    );
    expect(row.last_login_at.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('gives a wrong password, an unknown email and a disabled user the same answer', async () => {
    const answers = await Promise.all(
      [
        { email: 'editor@byline.example', password: 'not the password at all' },
        { email: 'nobody@byline.example', password: PASSWORD },
        { email: 'gone@byline.example', password: PASSWORD },
      ].map(async (variables) => firstError(await accounts.gql(LOGIN, variables, freshIp()))),
    );
    expect(answers[0]).toEqual({ code: 'UNAUTHENTICATED', field: undefined, message: 'wrong email or password' });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('costs as much work for an unknown email as for a wrong password (a dummy hash is verified)', async () => {
    // CPU time of this process (the service runs in it, Argon2 on its worker threads), not wall time: other
    // processes on a shared machine slow the wall clock down, not the work done.
    const time = async (email: string) => {
      const started = process.cpuUsage();
      await accounts.gql(LOGIN, { email, password: 'a wrong password here' }, freshIp());
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    };
    await accounts.addUser('timing@byline.example', 'viewer', PASSWORD);
    await time('nobody@byline.example'); // the dummy hash is computed on first use
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 4; round++) {
      known.push(await time('timing@byline.example'));
      unknown.push(await time(`nobody${round}@byline.example`));
    }
    // Verifying an Argon2id hash (19 MiB, 2 passes) costs milliseconds of CPU; a skipped one would cost next to none.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it(`limits failed logins to ${LOGIN_LIMIT.failures} a minute per account, across IPs`, async () => {
    await accounts.addUser('target@byline.example', 'viewer', PASSWORD);
    const attempt = (password: string) => accounts.gql(LOGIN, { email: 'target@byline.example', password }, freshIp());
    const sent = [];
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) sent.push(firstError(await attempt(`wrong password ${i}`))?.code);
    expect(sent).toEqual(Array(LOGIN_LIMIT.failures).fill('UNAUTHENTICATED'));
    // Now even the right password is refused, from yet another IP, until the minute has passed.
    const limited = await attempt(PASSWORD);
    expect(firstError(limited)?.code).toBe('RATE_LIMITED');
    const retryAfter = limited.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    accounts.advance(retryAfter * 1000);
    expect((await attempt(PASSWORD)).errors).toBeUndefined();
  });

  it(`limits failed logins to ${LOGIN_LIMIT.failures} a minute per client IP, across accounts`, async () => {
    const ip = freshIp();
    const sent = [];
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) {
      sent.push(
        firstError(await accounts.gql(LOGIN, { email: `guess${i}@byline.example`, password: PASSWORD }, ip))?.code,
      );
    }
    expect(sent).toEqual(Array(LOGIN_LIMIT.failures).fill('UNAUTHENTICATED'));
    const limited = await accounts.gql(LOGIN, { email: 'editor@byline.example', password: PASSWORD }, ip);
    expect(firstError(limited)?.code).toBe('RATE_LIMITED');
    // Another IP signs in to the same account meanwhile.
    expect(
      (await accounts.gql(LOGIN, { email: 'editor@byline.example', password: PASSWORD }, freshIp())).errors,
    ).toBeUndefined();
  });

  it('counts parallel guesses too', async () => {
    const ip = freshIp();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        accounts.gql(LOGIN, { email: `parallel${i}@byline.example`, password: PASSWORD }, ip),
      ),
    );
    const codes = guesses.map((result) => firstError(result)?.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(LOGIN_LIMIT.failures);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(12 - LOGIN_LIMIT.failures);
  });

  it('does not count successful logins', async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMIT.failures + 2; i++) {
      expect(
        (await accounts.gql(LOGIN, { email: 'editor@byline.example', password: PASSWORD }, ip)).errors,
      ).toBeUndefined();
    }
  });
});
