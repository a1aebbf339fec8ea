/**
 * A small seeded pseudo-random generator (mulberry32). Every generated record draws from its own
 * generator, seeded from the emulator seed and the record's index, so that any record can be
 * rebuilt on its own without generating the ones before it.
 */
export class Random {
  private state: number;

  constructor(...seedParts: number[]) {
    this.state = hashNumbers(seedParts);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Random.pick needs a non-empty list');
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    }
    return out;
  }

  /** A string of lower-case hex digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

/** The first 32 hex digits of `hex`, grouped 8-4-4-4-12 as a UUID is. */
export function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Mixes several integers into one 32-bit seed (FNV-1a over their bytes). */
export function hashNumbers(parts: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    let value = Math.trunc(part);
    // Eight bytes cover any safe integer, including negative seeds.
    for (let byte = 0; byte < 8; byte++) {
      hash ^= value & 0xff;
      hash = Math.imul(hash, 0x01000193);
      value = Math.floor(value / 256);
    }
  }
  return hash >>> 0;
}

/**
 * A bijection from record index to a 16-digit numeric id that looks random, as Meta's ids do,
 * yet never repeats: the index, offset by a seeded key, goes through an invertible 52-bit mixer
 * (xor-shifts and odd multipliers), and the result is added to 10^15.
 */
export function numericIdFactory(seed: number, salt: number): (index: number) => string {
  const random = new Random(seed, salt);
  const bits = 52n;
  const mask = (1n << bits) - 1n;
  const key = (BigInt(random.int(0, 2 ** 26)) << 26n) | BigInt(random.int(0, 2 ** 26));
  const mix = (value: bigint, multiplier: bigint) => ((value ^ (value >> 26n)) * multiplier) & mask;
  return (index) => {
    let value = (BigInt(index) + key) & mask;
    value = mix(value, 0x9e3779b97f4a7n);
    value = mix(value, 0xbf58476d1ce4dn);
    value ^= value >> 26n;
    return (1_000_000_000_000_000n + value).toString();
  };
}
