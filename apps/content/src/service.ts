import { postgresReadiness } from '@byline/embedded-pg';
import { createLogger, identityOf, type RunningService, startGraphQLService } from '@byline/http';
import type { DataSource } from 'typeorm';
import { createContentApollo } from './apollo.js';
import type { ContentConfig } from './config.js';
import { type Context, createContext } from './context.js';
import { openDatabase } from './db/open.js';

export type ContentService = RunningService & { db: DataSource };

/**
 * Starts the content subgraph: database (embedded when DATABASE_URL is
 * unset, migrated), schema, and the HTTP server.
 */
export async function startContentService(config: ContentConfig): Promise<ContentService> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, (line) => log.info(line));
  const { db } = database;
  try {
    const apollo = await createContentApollo(log);
    const service = await startGraphQLService<Context>({
      name: 'content',
      host: config.host,
      port: config.port,
      bodyLimitBytes: config.bodyLimitBytes,
      internalSecret: config.internalSecret,
      apollo,
      context: async (request) => createContext({ db, editions: config.editions }, identityOf(request)),
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
