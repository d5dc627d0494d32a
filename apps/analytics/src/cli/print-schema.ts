import 'reflect-metadata';
import { printAnalyticsSchema } from '../schema.js';

process.stdout.write(`${await printAnalyticsSchema()}\n`);
