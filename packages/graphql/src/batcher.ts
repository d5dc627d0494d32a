import DataLoader from 'dataloader';
import { isId } from './ids.js';

/** A request's batchers, created on demand and keyed by what they load and with which arguments. */
export type Batchers = Map<string, DataLoader<string, unknown>>;

/**
 * The request's batcher for `key`, created on first use: every id asked for
 * while resolving one tick goes to `load` in one call (one SQL query for 50
 * entities). Malformed ids never reach `load`; they, and ids it does not
 * return, get `empty`.
 */
export function batcher<V>(
  batchers: Batchers,
  key: string,
  load: (ids: readonly string[]) => Promise<Map<string, V>>,
  empty: V,
): DataLoader<string, V> {
  let loader = batchers.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (ids) => {
      const valid = ids.filter(isId);
      const found = valid.length > 0 ? await load(valid) : new Map<string, V>();
      return ids.map((id) => found.get(id) ?? empty);
    });
    batchers.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}
