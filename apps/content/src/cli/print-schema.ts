import 'reflect-metadata';
import { printContentSchema } from '../schema.js';

process.stdout.write(`${await printContentSchema()}\n`);
