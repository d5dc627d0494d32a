import 'reflect-metadata';
import type { Identity } from '@byline/auth';
import { createLogger } from '@byline/http';
import { createTestDatabase } from '@byline/testing';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createContentApollo } from '../../src/apollo.js';
import { createContext } from '../../src/context.js';
import { createDataSource, migrate } from '../../src/db/data-source.js';

export const EDITIONS = new Map([
  ['en', 'english'],
  ['ru', 'russian'],
  ['az', 'simple'],
]);

/** Who runs operations unless a test says otherwise: the newsroom, which sees drafts. */
const EDITOR: Identity = { sub: 'user:1', role: 'editor' };

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestContent {
  db: DataSource;
  url: string;
  /** Runs an operation through the real Apollo server and schema, as one request. */
  run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity,
  ): Promise<GraphQLResult<T>>;
  close(): Promise<void>;
}

/** A migrated, empty database of its own and the content schema over it. */
export async function startTestContent(): Promise<TestContent> {
  const database = await createTestDatabase(inject('pgAdminUrl'), 'content');
  const db = createDataSource(database.url, 5);
  await db.initialize();
  await migrate(db);
  const apollo = await createContentApollo(createLogger('silent'));
  await apollo.start();
  return {
    db,
    url: database.url,
    run: async (query, variables, identity = EDITOR) => {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext({ db, editions: EDITIONS }, identity) },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GraphQLResult<never>;
    },
    close: async () => {
      await apollo.stop();
      await db.destroy();
      await database.drop();
    },
  };
}

/** The error code and field of the first error, for compact assertions. */
export function firstError(result: GraphQLResult): { code: unknown; field: unknown; message: string } | undefined {
  const error = result.errors?.[0];
  return error && { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
}
