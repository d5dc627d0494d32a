import type { Identity } from '@byline/auth';
import type { Batchers } from '@byline/graphql';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  db: DataSource;
  loaders: Loaders;
  /** Who is asking, as signed by the gateway. */
  identity: Identity;
  /** Edition code → PostgreSQL text-search configuration. */
  editions: ReadonlyMap<string, string>;
  defaultEdition: string;
  /** One clock reading per request, so every field's default window is the same one. */
  now: Date;
  /** Request-scoped batchers created on demand, keyed by what they load and their arguments. */
  batchers: Batchers;
}

export interface ContextSettings {
  db: DataSource;
  editions: ReadonlyMap<string, string>;
}

export function createContext(settings: ContextSettings, identity: Identity): Context {
  return {
    db: settings.db,
    loaders: createLoaders(settings.db),
    identity,
    editions: settings.editions,
    defaultEdition: settings.editions.keys().next().value ?? 'en',
    now: new Date(),
    batchers: new Map(),
  };
}
