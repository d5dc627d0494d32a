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
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, (line) => log.info(line));
  const { db } = database;
  try {
    const accounts: Accounts = {
      db,
      clock: options.clock ?? systemClock,
      sessionTtlMs: config.sessionTtlMs,
      limiter: new LoginLimiter(),
    };
    const service = await startGraphQLService<Context>({
      name: 'accounts',
      host: config.host,
      port: config.port,
      bodyLimitBytes: config.bodyLimitBytes,
      internalSecret: config.internalSecret,
      apollo: await createAccountsApollo(log),
      context: async (request) => createContext(accounts, identityOf(request)),
      routes: authenticateRoute(accounts, config.internalSecret),
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
