/** Switches a test flips to make a wrapped ClickHouse client fail its inserts. */
export interface InsertFaults {
  /** Inserts fail before reaching ClickHouse, as when it is down or unreachable. */
  down: boolean;
  /** Inserts land, then fail, as when the connection drops before the answer arrives. */
  ackLost: boolean;
  /** Insert attempts seen, failed ones included. */
  inserts: number;
}

interface Inserter {
  insert(...args: never[]): Promise<unknown>;
}

/**
 * Fault injection around a real ClickHouse client (chDB or a server): every
 * other method passes straight through, so only the faults a test switches
 * on are injected, never a fake of ClickHouse itself.
 */
export function withInsertFaults<Client extends Inserter>(client: Client): { client: Client; faults: InsertFaults } {
  const faults: InsertFaults = { down: false, ackLost: false, inserts: 0 };
  const proxy = new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'insert' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: Parameters<Client['insert']>) => {
        faults.inserts += 1;
        if (faults.down) throw new Error('ClickHouse is down (injected)');
        const result = await target.insert(...args);
        if (faults.ackLost) throw new Error('connection reset before the answer (injected)');
        return result;
      };
    },
  });
  return { client: proxy, faults };
}
