import { getContext, setContext } from 'svelte';
import type { Format } from './format';

const KEY = Symbol('format');

/** Makes the reader's formatter (which changes with the time zone filter) available to every component below. */
export function provideFormat(current: () => Format): void {
  setContext(KEY, current);
}

export function useFormat(): () => Format {
  const current = getContext<(() => Format) | undefined>(KEY);
  if (!current) throw new Error('useFormat() outside the layout');
  return current;
}
