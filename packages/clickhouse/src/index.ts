export { type ClickHouse, type ClickHouseOptions, openClickHouse } from './client.js';
export { applyMigrations, type MigrationFile, readMigrations } from './migrations.js';
