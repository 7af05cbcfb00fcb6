/**
 * A small seeded PRNG (mulberry32): the demo portfolio must be the same on every run for a
 * given seed, so screenshots, tests and benchmark figures are comparable.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A random (version 4 layout) UUID, deterministic for the seed. */
  uuid(): string;
}

/** Two hex digits per byte, precomputed: the generator makes millions of ids. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex4 = (n: number): string => HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const u32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => u32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    uuid: () => {
      // Version nibble 4 and variant bits 10xx, as crypto.randomUUID() lays them out.
      const b = ((u32() & 0xffff0fff) | 0x4000) >>> 0;
      const c = ((u32() & 0x3fffffff) | 0x80000000) >>> 0;
      const h = hex4(u32()) + hex4(b) + hex4(c) + hex4(u32());
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
