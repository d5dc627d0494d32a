export {
  type Connectable,
  type OpenDatabaseOptions,
  type OpenedDatabase,
  openMigratedDatabase,
  type PostgresLocation,
  postgresReadiness,
} from './open.js';
export {
  createDatabaseIfMissing,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
  startEmbeddedPostgres,
  stopWithProcess,
} from './server.js';
