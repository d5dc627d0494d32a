import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './index.js';

/** One real PostgreSQL server per test run; each test file gets its own database on it. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  project.provide('pgAdminUrl', server.adminUrl);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
