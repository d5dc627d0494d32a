import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesced.js';

/** A load whose calls the test sees and settles one by one. */
function controlledLoad() {
  const calls: { ids: string[]; settle(fail?: Error): void }[] = [];
  const load = (ids: readonly string[]) =>
    new Promise<Map<string, string>>((resolve, reject) => {
      calls.push({
        ids: [...ids],
        settle: (fail) => (fail ? reject(fail) : resolve(new Map(ids.map((id) => [id, `value of ${id}`])))),
      });
    });
  return { calls, load };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesced loads', () => {
  it('starts at once when idle, and merges what is asked meanwhile into one next load', async () => {
    const { calls, load } = controlledLoad();
    const shared = coalesced(load);
    const first = shared(['1', '2']);
    expect(calls.map((call) => call.ids)).toEqual([['1', '2']]);
    const second = shared(['2', '3']);
    const third = shared(['4']);
    await tick();
    expect(calls).toHaveLength(1);

    calls[0]?.settle();
    expect(await first).toEqual(
      new Map([
        ['1', 'value of 1'],
        ['2', 'value of 2'],
      ]),
    );
    await tick();
    expect(calls.map((call) => call.ids)).toEqual([
      ['1', '2'],
      ['2', '3', '4'],
    ]);
    calls[1]?.settle();
    expect((await second).get('3')).toBe('value of 3');
    expect(await third).toBe(await second);

    shared(['5']);
    expect(calls.map((call) => call.ids)).toHaveLength(3);
  });

  it('gives a failure to the callers of that load only, and keeps going', async () => {
    const { calls, load } = controlledLoad();
    const shared = coalesced(load);
    const first = shared(['1']);
    const second = shared(['2']);
    calls[0]?.settle(new Error('ClickHouse is down'));
    await expect(first).rejects.toThrow('ClickHouse is down');
    await tick();
    calls[1]?.settle();
    expect(await second).toEqual(new Map([['2', 'value of 2']]));
  });

  it('survives a load that throws before returning a promise', async () => {
    let fail = true;
    const shared = coalesced((ids) => {
      if (fail) throw new Error('bad');
      return Promise.resolve(new Map(ids.map((id) => [id, id])));
    });
    await expect(shared(['1'])).rejects.toThrow('bad');
    fail = false;
    expect(await shared(['2'])).toEqual(new Map([['2', '2']]));
  });
});
