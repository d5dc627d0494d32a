import type { Batchers } from '@byline/graphql';
import type { DataSource } from 'typeorm';
import { type Viewer, viewerFromHeaders } from './auth/viewer.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  db: DataSource;
  loaders: Loaders;
  viewer: Viewer;
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

export function createContext(
  settings: ContextSettings,
  headers: Record<string, string | string[] | undefined>,
): Context {
  return {
    db: settings.db,
    loaders: createLoaders(settings.db),
    viewer: viewerFromHeaders(headers),
    editions: settings.editions,
    defaultEdition: settings.editions.keys().next().value ?? 'en',
    now: new Date(),
    batchers: new Map(),
  };
}
