export {
  type Connectable,
  type OpenDatabaseOptions,
  type OpenedDatabase,
  openMigratedDatabase,
  postgresReadiness,
} from './open.js';
export {
  createDatabaseIfMissing,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
  stopWithProcess,
} from './server.js';
