import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAccounts, type TestAccounts } from './support/accounts.js';

const run = promisify(execFile);
// The built CLI, as `pnpm user:create` runs it.
const CLI = fileURLToPath(new URL('../dist/cli/create-user.js', import.meta.url));

let accounts: TestAccounts;
let databaseUrl: string;

beforeAll(async () => {
  accounts = await startTestAccounts();
  databaseUrl = accounts.service.db.options.type === 'postgres' ? String(accounts.service.db.options.url) : '';
});
afterAll(() => accounts?.close());

async function createUser(args: string[], password?: string) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', BYLINE_PASSWORD: password ?? '' };
  return run(process.execPath, [CLI, ...args], { env, timeout: 20_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('pnpm user:create', () => {
  it('creates a user with the password from BYLINE_PASSWORD, who can then sign in', async () => {
    const result = await createUser(
      ['--email', 'cli@byline.example', '--role', 'marketing', '--name', 'Cli User'],
      'a password from env',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cli@byline.example');
    expect(result.stdout).not.toContain('a password from env');
    const { identity } = await accounts.signIn('cli@byline.example', 'a password from env');
    expect(identity.role).toBe('marketing');
  });

  it('generates and prints a password when none is given', async () => {
    const result = await createUser(['--email', 'generated@byline.example', '--role', 'viewer']);
    expect(result.code).toBe(0);
    const password = /password: (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect((await accounts.signIn('generated@byline.example', password)).identity.role).toBe('viewer');
  });

  const mistakes: [string, string[], string | undefined, string][] = [
    ['a missing email', ['--role', 'viewer'], undefined, '--email'],
    ['a bad role', ['--email', 'x@byline.example', '--role', 'root'], undefined, '--role'],
    ['a bad email', ['--email', 'nope', '--role', 'viewer'], undefined, '--email'],
    ['a short password', ['--email', 'x@byline.example', '--role', 'viewer'], 'short', 'BYLINE_PASSWORD'],
    ['an unknown flag', ['--email', 'x@byline.example', '--role', 'viewer', '--admin'], undefined, '--admin'],
    ['an email already used', ['--email', 'CLI@byline.example', '--role', 'viewer'], undefined, '--email'],
  ];
  for (const [what, args, password, named] of mistakes) {
    it(`refuses ${what}, naming ${named}`, async () => {
      const result = await createUser(args, password);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(named);
    });
  }
});
