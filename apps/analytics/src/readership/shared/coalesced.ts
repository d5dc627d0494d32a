import type { Load } from '../../context.js';

/**
 * `load` shared by concurrent requests: ids asked for while a load runs wait
 * for it to end and go together in the next one, so ten requests cost one or
 * two queries instead of ten (embedded chDB runs parameterised queries one at
 * a time). A caller never gets a load that started before it asked.
 */
export function coalesced<V>(load: Load<V>): Load<V> {
  let running = false;
  let next: { ids: Set<string>; start(): void; result: Promise<Map<string, V>> } | undefined;

  const run = (ids: readonly string[]): Promise<Map<string, V>> => {
    running = true;
    const result = new Promise<Map<string, V>>((resolve) => resolve(load(ids)));
    const done = () => {
      running = false;
      const waiting = next;
      next = undefined;
      waiting?.start();
    };
    result.then(done, done);
    return result;
  };

  return (ids) => {
    if (!running) return run(ids);
    if (!next) {
      const waiting = new Set<string>();
      let start = () => {};
      const result = new Promise<Map<string, V>>((resolve, reject) => {
        start = () => run([...waiting]).then(resolve, reject);
      });
      next = { ids: waiting, start, result };
    }
    for (const id of ids) next.ids.add(id);
    return next.result;
  };
}
