import 'reflect-metadata';
import { printAccountsSchema } from '../schema.js';

process.stdout.write(`${await printAccountsSchema()}\n`);
