/**
 * A small seeded PRNG for synthetic data: sfc32 (128-bit state, fast in
 * 32-bit integer arithmetic) seeded through splitmix32. Each generator takes
 * its own stream (`new Random(seed, 'places')`), so one file's output never
 * depends on how many numbers another file's generator drew.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = '') {
    // A seed is any safe integer: both 32-bit halves go into the state.
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    let x = (lo ^ hashString(stream)) >>> 0;
    x = splitmix32(x);
    this.a = x;
    x = splitmix32(x ^ hi);
    this.b = x;
    x = splitmix32(x);
    this.c = x;
    x = splitmix32(x);
    this.d = x;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Roughly standard normal (sum of three uniforms, rescaled): cheap and bounded to ±3. */
  normal(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  /** Index drawn with probability proportional to its weight, from cumulative weights. */
  weightedIndex(cumulative: ArrayLike<number>): number {
    const r = this.next() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A value of a weighted table. */
  draw<T>(table: WeightedTable<T>): T {
    return table.values[this.weightedIndex(table.cumulative)]!;
  }
}

/** Values with relative weights, ready for `Random.draw`. */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: Float64Array;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  return { values: entries.map((e) => e[0]), cumulative: cumulativeSums(entries.map((e) => e[1])) };
}

export function cumulativeSums(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    out[i] = sum;
  }
  return out;
}

/** Splits `total` into integers proportional to `weights` that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) out[byRemainder[k]![1]]!++;
  return out;
}

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
