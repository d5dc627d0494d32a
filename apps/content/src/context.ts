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
  };
}
