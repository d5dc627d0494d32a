/**
 * A seeded random stream (sfc32): fast, and plenty for demo data; never for
 * secrets. The same seed always gives the same numbers.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = hash32(seed, 1);
    this.b = hash32(seed, 2);
    this.c = hash32(seed, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32(); // let the state mix before use
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Exponentially distributed with this mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A version 4 UUID made of this stream's numbers. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      `${hex(a >>> 24)}${hex(a >>> 16)}${hex(a >>> 8)}${hex(a)}-${hex(b >>> 24)}${hex(b >>> 16)}-` +
      `${hex(0x40 | ((b >>> 8) & 0x0f))}${hex(b)}-${hex(0x80 | ((c >>> 24) & 0x3f))}${hex(c >>> 16)}-` +
      `${hex(c >>> 8)}${hex(c)}${hex(d >>> 24)}${hex(d >>> 16)}${hex(d >>> 8)}${hex(d)}`
    );
  }
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The low byte of `word` in two hex digits. */
function hex(word: number): string {
  return HEX[word & 0xff] as string;
}

/** Mixes integers (each below 2^53) into one 32-bit hash, murmur3-style. */
export function hash32(...parts: number[]): number {
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

/** A UInt64 as ClickHouse reads it from JSON: a decimal string, from two hashes of `parts`. */
export function uint64Of(...parts: number[]): string {
  return ((BigInt(hash32(...parts, 1)) << 32n) | BigInt(hash32(...parts, 2))).toString();
}
