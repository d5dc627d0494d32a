import { describe, expect, it } from 'vitest';
import { createPastAnswers } from './past-answers.js';

describe('past answers', () => {
  it('reads once within the time to live, again after it', async () => {
    const clock = { now: 1_000 };
    const past = createPastAnswers(60_000, 10, () => clock.now);
    let reads = 0;
    const load = async () => ++reads;
    expect(await past.get('a', load)).toBe(1);
    clock.now += 59_999;
    expect(await past.get('a', load)).toBe(1);
    clock.now += 1;
    expect(await past.get('a', load)).toBe(2);
    expect(await past.get('b', load)).toBe(3);
  });

  it('shares one read between concurrent askers', async () => {
    const past = createPastAnswers(60_000);
    let reads = 0;
    const load = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return reads;
    };
    expect(await Promise.all([past.get('a', load), past.get('a', load)])).toEqual([1, 1]);
  });

  it('keeps no failure and nothing when the time to live is 0', async () => {
    const failing = createPastAnswers(60_000);
    await expect(failing.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await failing.get('a', async () => 'up')).toBe('up');
    const off = createPastAnswers(0);
    let reads = 0;
    await off.get('a', async () => ++reads);
    expect(await off.get('a', async () => ++reads)).toBe(2);
  });

  it('forgets the oldest entries beyond its size', async () => {
    const past = createPastAnswers(60_000, 2);
    let reads = 0;
    const load = async () => ++reads;
    await past.get('a', load);
    await past.get('b', load);
    await past.get('c', load);
    expect(await past.get('b', load)).toBe(2);
    expect(await past.get('a', load)).toBe(4);
  });
});
