/**
 * Seeded pseudo-random numbers with explicit, serialisable state.
 *
 * Generator: xoshiro128** (Blackman & Vigna), seeded through splitmix32 so that any 32-bit
 * seed, including 0, gives a well-mixed state. Nothing in the lab calls Math.random: every
 * draw comes from an Rng whose state can be saved, copied and restored.
 */

export interface Rng {
  /** xoshiro128** state, four 32-bit words. */
  readonly s: Uint32Array;
  /** Second value of the last Box–Muller pair, or NaN when none is waiting. */
  spare: number;
}

function splitmix32(x: number): [number, number] {
  const next = (x + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [next, z >>> 0];
}

/** A generator seeded from any finite number (its integer part, modulo 2^32). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const s = new Uint32Array(4);
  let x = Math.trunc(seed) | 0;
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(x);
    x = next;
    s[i] = out;
  }
  return { s, spare: NaN };
}

/** An independent copy: drawing from one never moves the other. */
export function cloneRng(rng: Rng): Rng {
  return { s: new Uint32Array(rng.s), spare: rng.spare };
}

/** Next raw 32-bit output as an unsigned integer. */
export function nextUint32(rng: Rng): number {
  const s = rng.s;
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Uniform double in [0, 1) with 53 random bits. */
export function uniform(rng: Rng): number {
  const hi = nextUint32(rng) >>> 5; // 27 bits
  const lo = nextUint32(rng) >>> 6; // 26 bits
  return (hi * 67108864 + lo) / 9007199254740992;
}

/** Uniform integer in [0, n). Unbiased (rejection sampling). */
export function uniformInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) {
    throw new RangeError(`uniformInt needs an integer n in [1, 2^32], got ${n}`);
  }
  const limit = 0x100000000 - (0x100000000 % n);
  for (;;) {
    const x = nextUint32(rng);
    if (x < limit) return x % n;
  }
}

/**
 * out[0], out[1], … filled with uniform integers in [0, n): the very numbers that as many
 * calls of uniformInt would give, in order, and the state left as they would leave it. The
 * state is held in locals for the loop (a batch of 100 draws per training step).
 */
export function uniformIntsInto(rng: Rng, n: number, out: Int32Array | Uint32Array): void {
  if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) {
    throw new RangeError(`uniformInt needs an integer n in [1, 2^32], got ${n}`);
  }
  const limit = 0x100000000 - (0x100000000 % n);
  const s = rng.s;
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  for (let k = 0; k < out.length; ) {
    // nextUint32, with s0 … s3 as Uint32Array's stores would leave them (>>> 0).
    const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11) >>> 0;
    if (x < limit) out[k++] = x % n;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** Standard normal draw N(0, 1) by the Box–Muller transform; pairs are used in order. */
export function gaussian(rng: Rng): number {
  if (!Number.isNaN(rng.spare)) {
    const v = rng.spare;
    rng.spare = NaN;
    return v;
  }
  let u1 = 0;
  while (u1 === 0) u1 = uniform(rng);
  const u2 = uniform(rng);
  const r = Math.sqrt(-2 * Math.log(u1));
  const theta = 2 * Math.PI * u2;
  rng.spare = r * Math.sin(theta);
  return r * Math.cos(theta);
}

/** In-place Fisher–Yates shuffle. */
export function shuffleInPlace(rng: Rng, xs: { length: number; [i: number]: number }): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = uniformInt(rng, i + 1);
    const tmp = xs[i];
    xs[i] = xs[j];
    xs[j] = tmp;
  }
}
