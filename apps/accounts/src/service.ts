import { internalSecret } from '@byline/auth';
import { postgresReadiness } from '@byline/embedded-pg';
import { createLogger, identityOf, type RunningService, startGraphQLService } from '@byline/http';
import type { DataSource } from 'typeorm';
import { createAccountsApollo } from './apollo.js';
import { authenticateRoute } from './authenticate/authenticate.route.js';
import { type Clock, systemClock } from './clock.js';
import type { AccountsConfig } from './config.js';
import { type Accounts, type Context, createContext } from './context.js';
import { openDatabase } from './db/open.js';
import { LoginLimiter } from './sessions/login-limiter.js';

export type AccountsService = RunningService & { db: DataSource };

export interface AccountsServiceOptions {
  /** The current time for sessions, tokens and login limits; tests move it forward. */
  clock?: Clock;
}

/**
 * Starts the accounts subgraph: its schema in the shared database (migrated
 * at start), `/graphql` and the gateway's internal `POST /authenticate`.
 */
export async function startAccountsService(
  config: AccountsConfig,
  options: AccountsServiceOptions = {},
): Promise<AccountsService> {
  const log = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, (line) => log.info(line));
  const { db } = database;
  try {
    const accounts: Accounts = {
      db,
      clock: options.clock ?? systemClock,
      sessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000,
      limiter: new LoginLimiter(),
    };
    const secret = internalSecret(config.INTERNAL_SECRET, config.BYLINE_DATA_DIR);
    const service = await startGraphQLService<Context>({
      name: 'accounts',
      host: config.ACCOUNTS_HOST,
      port: config.ACCOUNTS_PORT,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      internalSecret: secret,
      apollo: await createAccountsApollo(log),
      context: async (request) => createContext(accounts, identityOf(request)),
      routes: authenticateRoute(accounts, secret),
      readiness: () => postgresReadiness(db),
      log,
      onClose: database.close,
    });
    return { ...service, db };
  } catch (error) {
    await database.close();
    throw error;
  }
}
