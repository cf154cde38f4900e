// Deterministic pseudo-random numbers for the demo generator.
// mulberry32: a tiny 32-bit PRNG; good enough for plausible-looking demo data,
// and identical on every platform and Node version.

export type Rng = {
  /** uniform in [0, 1) */
  next: () => number;
  /** standard normal (Box–Muller) */
  gauss: () => number;
  /** integer in [lo, hi] */
  int: (lo: number, hi: number) => number;
  /** true with probability p */
  chance: (p: number) => boolean;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, used to derive an independent stream per series. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function makeRng(seed: number, stream: string): Rng {
  const next = mulberry32((seed ^ hashString(stream)) >>> 0);
  let spare: number | null = null;
  const gauss = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    gauss,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
  };
}

/** A count drawn around `mean`: Poisson for small means, normal approximation above. */
export function sampleCount(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const l = Math.exp(-mean);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= rng.next();
    } while (p > l);
    return k - 1;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.gauss()));
}
