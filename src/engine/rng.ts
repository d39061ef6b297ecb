/**
 * Seeded pseudo-random numbers: xoshiro128** seeded through splitmix32.
 *
 * Written here rather than taken from a library because every run must be bit-identical in Node,
 * in a worker and in the browser, and we need named, independent streams (`rng.fork("init")`) so that
 * adding a draw in one place never shifts the numbers drawn in another. All arithmetic is 32-bit
 * integer (Math.imul), so the sequence is the same on every JavaScript engine.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  /** @param seed any finite number (integers recommended); @param stream optional stream name */
  constructor(seed: number, stream = "") {
    let h = hashString(`${seed}|${stream}`);
    const next = () => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** An independent generator for a named purpose, derived from this one's seed material. */
  fork(stream: string): Rng {
    return new Rng(this.s0 ^ this.s2, `${this.s1}:${this.s3}:${stream}`);
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Standard normal draw (Box–Muller, polar form free of trig for reproducibility across engines). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** The generator's whole state as plain data (for checkpoints): the next draws follow from it alone. */
  state(): RngState {
    return { s: [this.s0, this.s1, this.s2, this.s3], spareNormal: this.spareNormal };
  }

  /** Puts the generator back into a state taken by {@link Rng.state}. */
  restore(state: RngState): void {
    const [s0, s1, s2, s3] = state.s;
    if (state.s.length !== 4 || !state.s.every((v) => Number.isInteger(v)))
      throw new Error(`Rng.restore: the state needs 4 integers, got ${JSON.stringify(state.s)}`);
    // Every use of a word goes through ToInt32 (bit operations, Math.imul), so its sign form is immaterial.
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.spareNormal = state.spareNormal;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  }
}

/** A generator's state: the four xoshiro words and the second normal of the last Box–Muller pair. */
export interface RngState {
  /** xoshiro128** words s0..s3. */
  s: number[];
  /** The normal draw kept for the next `normal()` call, or null. */
  spareNormal: number | null;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** FNV-1a 32-bit hash of a string: turns seed + stream name into seed material. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
