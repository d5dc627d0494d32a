import 'reflect-metadata';

export { type Clock, systemClock } from './clock.js';
export { type AccountsConfig, accountsConfigSchema, loadAccountsConfig } from './config.js';
export { generatePassword } from './credentials/passwords.js';
export { createDataSource, migrate } from './db/data-source.js';
export { buildAccountsSchema, printAccountsSchema } from './schema.js';
export { type AccountsService, type AccountsServiceOptions, startAccountsService } from './service.js';
export { addUser, type NewUser } from './users/users.js';
export { countUsers } from './users/users.sql.js';
