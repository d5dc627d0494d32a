import { exitOnConfigError } from '@byline/config';
import { type ContentConfig, loadContentConfig } from '../config.js';
import { openDatabase } from '../db/open.js';

let config: ContentConfig;
try {
  config = loadContentConfig();
} catch (error) {
  exitOnConfigError(error);
}
// openDatabase applies pending migrations and reports them.
const database = await openDatabase(config, (line) => console.log(line));
console.log('migrations: up to date');
await database.close();
