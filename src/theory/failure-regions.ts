/**
 * Regions of parameter space that lead to failed training (THEORY.md §4; C3, P7, P9): the phase plane
 * of one ReLU mode `(a, b)` (a horizontal, b vertical), its fate classes, the depth-D chain rule, the final
 * error they imply, and geometry (region polygons, flow hyperbolas `a² − b² = c`) for plotting.
 *
 * @module
 */

/** Fate of a point under gradient flow (THEORY.md §4 table). */
export type Fate = "dead" | "correct" | "recovers" | "fails" | "separatrix";

/**
 * Fate of a mode starting at `(a, b)` with label `y` (THEORY.md §4, P7): `dead` (`a ≤ 0`, never learned),
 * `correct` (`y b > 0`), `recovers` (`0 ≤ −y b < a`, flips at `t*`; `b = 0` flips at once), `fails`
 * (`−y b > a`: the unit dies with the wrong sign), `separatrix` (`−y b = a`, flows into the saddle).
 */
export function classifyInit(a: number, b: number, y: 1 | -1 = 1): Fate {
  if (!(a > 0)) return "dead";
  const yb = y * b;
  if (yb > 0) return "correct";
  const w = -yb;
  if (w < a) return "recovers";
  return w === a ? "separatrix" : "fails";
}

/**
 * Fate of a depth-D chain `f = r·a_1⋯a_D` (THEORY.md §4, P9): hidden weights `a_1..a_{D−1}` must be
 * positive (else `dead`); the output weight `a_D` carries the sign. A wrong point recovers iff
 * `|a_D| < min_{l<D} a_l` (all `a_l² − a_k²` are conserved, so the smallest hidden weight reaches 0 first
 * when it is below `|a_D|`). `D = 2` is {@link classifyInit} with `a = a_1`, `b = a_2`.
 */
export function classifyChain(weights: readonly number[], y: 1 | -1 = 1): Fate {
  if (weights.length < 2) throw new Error(`classifyChain: need depth D >= 2 weights, got ${weights.length}`);
  const D = weights.length;
  let minHidden = Number.POSITIVE_INFINITY;
  for (let l = 0; l < D - 1; l++) {
    if (!(weights[l] > 0)) return "dead";
    minHidden = Math.min(minHidden, weights[l]);
  }
  return classifyInit(minHidden, weights[D - 1], y);
}

/** P(a wrong chain of depth D with i.i.d. |weights| recovers) = 1/D (the output is the smallest of D). P9. */
export function chainRecoveryProbability(depth: number): number {
  if (!(depth >= 2 && Number.isInteger(depth)))
    throw new Error(`chainRecoveryProbability: depth must be an integer >= 2, got ${depth}`);
  return 1 / depth;
}

/**
 * Predicted final training error (THEORY.md §4, P7, P9) for i.i.d. init of a depth-D chain (D = 2 is the
 * two-layer mode): half-normal hidden weights give `½(1 − 1/D)` (1/4 at D = 2); Gaussian hidden weights
 * kill the point unless all D−1 are positive, a dead point counted as an error:
 * `1 − 2^{−(D−1)} + 2^{−(D−1)}·½(1 − 1/D)` (5/8 at D = 2). The D > 2 values are this module's extension.
 */
export function finalErrorPrediction(aInit: "halfNormal" | "gaussian" = "halfNormal", depth = 2): number {
  const alive = 0.5 * (1 - chainRecoveryProbability(depth));
  if (aInit === "halfNormal") return alive;
  const pActive = 2 ** -(depth - 1);
  return 1 - pActive + pActive * alive;
}

/** Axis-aligned box of the phase plane. */
export interface Box {
  /** Smallest `a`. */
  amin: number;
  /** Largest `a`. */
  amax: number;
  /** Smallest `b`. */
  bmin: number;
  /** Largest `b`. */
  bmax: number;
}

/** A polygon as parallel coordinate lists (closed implicitly). */
export interface Polygon {
  /** Vertex `a` coordinates. */
  a: number[];
  /** Vertex `b` coordinates. */
  b: number[];
}

/** Half-plane `ka·a + kb·b ≥ 0`. */
type HalfPlane = [number, number];

function clip(poly: [number, number][], [ka, kb]: HalfPlane): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i];
    const q = poly[(i + 1) % poly.length];
    const fp = ka * p[0] + kb * p[1];
    const fq = ka * q[0] + kb * q[1];
    if (fp >= 0) out.push(p);
    if (fp >= 0 !== fq >= 0) {
      const s = fp / (fp - fq);
      out.push([p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])]);
    }
  }
  return out;
}

/**
 * The four open fate regions of THEORY.md §4 (P7) clipped to `box`, as convex polygons for shading a phase
 * portrait (empty polygons when a region misses the box), and the separatrix `y b = −a, a > 0` as a
 * segment. Label `y = −1` mirrors `b`.
 */
export function failureRegions(
  box: Box,
  y: 1 | -1 = 1,
): Record<Exclude<Fate, "separatrix">, Polygon> & {
  separatrix: Polygon;
} {
  const rect: [number, number][] = [
    [box.amin, box.bmin],
    [box.amax, box.bmin],
    [box.amax, box.bmax],
    [box.amin, box.bmax],
  ];
  const region = (...hs: HalfPlane[]): Polygon => {
    let poly = rect;
    for (const h of hs) poly = clip(poly, h);
    return { a: poly.map((p) => p[0]), b: poly.map((p) => p[1]) };
  };
  // in terms of w = y·b: dead a ≤ 0; correct a ≥ 0, w ≥ 0; recovers w ≤ 0, a + w ≥ 0; fails a ≥ 0, a + w ≤ 0
  // separatrix b = −y·a, a ≥ 0, inside the box
  const aLo = Math.max(0, box.amin, y === 1 ? -box.bmax : box.bmin);
  const aHi = Math.min(box.amax, y === 1 ? -box.bmin : box.bmax);
  const separatrix: Polygon = aHi > aLo ? { a: [aLo, aHi], b: [-y * aLo, -y * aHi] } : { a: [], b: [] };
  return {
    dead: region([-1, 0]),
    correct: region([1, 0], [0, y]),
    recovers: region([0, -y], [1, y]),
    fails: region([1, 0], [-1, -y]),
    separatrix,
  };
}

/**
 * Flow lines of one mode: the hyperbolas `a² − b² = c` (THEORY.md §4, P2, P7) restricted to the active
 * half-plane `a > 0` and to `box`, sampled at `n` values of `b` evenly spaced (points outside the box in
 * `a` are dropped). `c > 0`: one branch crossing `b = 0`; `c < 0`: two branches (`b > 0` and `b < 0`);
 * `c = 0`: the two asymptotes. Each returned line is ordered by increasing `b`.
 */
export function flowLines(cs: readonly number[], box: Box, n = 100): Array<Polygon & { c: number }> {
  const lines: Array<Polygon & { c: number }> = [];
  const bLo = box.bmin;
  const bHi = box.bmax;
  const aMax = Math.max(box.amax, 0);
  const sample = (c: number, bFrom: number, bTo: number) => {
    // a = sqrt(c + b²), b uniform in [bFrom, bTo] (for c < 0 each branch has |b| ≥ sqrt(−c))
    const a: number[] = [];
    const b: number[] = [];
    if (!(bTo > bFrom)) return;
    for (let i = 0; i < n; i++) {
      const bb = bFrom + ((bTo - bFrom) * i) / (n - 1);
      const aa = Math.sqrt(Math.max(0, c + bb * bb));
      if (aa >= Math.max(box.amin, 0) && aa <= aMax) {
        a.push(aa);
        b.push(bb);
      }
    }
    if (a.length > 1) lines.push({ c, a, b });
  };
  for (const c of cs) {
    if (c >= 0) sample(c, bLo, bHi);
    else {
      const v = Math.sqrt(-c);
      sample(c, Math.max(v, bLo), bHi);
      sample(c, bLo, Math.min(-v, bHi));
    }
  }
  return lines;
}
