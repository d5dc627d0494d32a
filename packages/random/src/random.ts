/** A uniform number in [0, 1). */
export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for demo data, never for secrets. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes integers into one 32-bit seed (murmur3-style finalising), so that
 * (seed, i) and (seed, i + 1) give unrelated streams. Numbers up to 2^53 keep
 * their high bits.
 */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9 ^ parts.length;
  for (const part of parts) {
    for (const word of [part >>> 0, Math.floor(part / 4294967296) >>> 0]) {
      h = Math.imul(h ^ word, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h >>> 0;
}

/** A generator for item `index` of a stream; `salt` separates independent uses of the same index. */
export function randomFor(seed: number, index: number, salt = 0): Random {
  return mulberry32(mix(seed, index, salt));
}

/** One uniform number for (seed, index, salt) without building a generator. */
export function unitFor(seed: number, index: number, salt = 0): number {
  return mix(seed, index, salt, 1) / 4294967296;
}

/** A UInt64 as ClickHouse reads it from JSON: a decimal string, from two hashes of `parts`. */
export function uint64Of(...parts: number[]): string {
  return ((BigInt(mix(...parts, 1)) << 32n) | BigInt(mix(...parts, 2))).toString();
}

/** An integer in [min, max], both inclusive. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** Exponentially distributed with this mean. */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/** Fisher-Yates on a copy. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Zipf-like weights 1/(rank+1)^s: a few heavy items and a long tail. */
export function zipfWeights(count: number, exponent = 1): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 1) ** exponent);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The low byte of `word` in two hex digits. */
function hex(word: number): string {
  return HEX[word & 0xff] as string;
}

/** A version-4-shaped UUID drawn from `random` (deterministic, unlike crypto.randomUUID). */
export function uuidFrom(random: Random): string {
  const a = Math.floor(random() * 4294967296);
  const b = Math.floor(random() * 4294967296);
  const c = Math.floor(random() * 4294967296);
  const d = Math.floor(random() * 4294967296);
  return (
    `${hex(a >>> 24)}${hex(a >>> 16)}${hex(a >>> 8)}${hex(a)}-${hex(b >>> 24)}${hex(b >>> 16)}-` +
    `${hex(0x40 | ((b >>> 8) & 0x0f))}${hex(b)}-${hex(0x80 | ((c >>> 24) & 0x3f))}${hex(c >>> 16)}-` +
    `${hex(c >>> 8)}${hex(c)}${hex(d >>> 24)}${hex(d >>> 16)}${hex(d >>> 8)}${hex(d)}`
  );
}
