/**
 * Numerical quadrature for the semi-closed forms of THEORY.md (exact flip times §3/P3–P4, exact
 * feature-learning times §5/P10, error curves §3/P8): adaptive Gauss–Legendre, nodes computed at load
 * time by Newton's method on the Legendre polynomial (no tabulated constants to mistype).
 *
 * @module
 */

/** Gauss–Legendre nodes and weights on [−1, 1] for `n` points. */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      // p1 = P_n(z), p0 = P_{n-1}(z)
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const GL10 = gaussLegendre(10);
const GL20 = gaussLegendre(20);

function glPanel(f: (x: number) => number, a: number, b: number, rule: { x: Float64Array; w: Float64Array }) {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  let s = 0;
  for (let i = 0; i < rule.x.length; i++) s += rule.w[i] * f(c + h * rule.x[i]);
  return s * h;
}

/** Options of {@link integrateAdaptive}. */
export interface QuadratureOptions {
  /** Absolute error target (default 1e-14). */
  atol?: number;
  /** Relative error target, relative to the running |integral| (default 1e-13). */
  rtol?: number;
  /** Maximum bisection depth (default 30). */
  maxDepth?: number;
  /** Number of equal panels to start from (default 8). */
  panels?: number;
}

/**
 * `∫_a^b f(x) dx` for a smooth `f` on a finite interval, by adaptive bisection comparing 10- and 20-point
 * Gauss–Legendre rules on each panel. Used for THEORY.md §3 (P3, P4, P8) and §5 (P10).
 */
export function integrateAdaptive(
  f: (x: number) => number,
  a: number,
  b: number,
  options: QuadratureOptions = {},
): number {
  if (a === b) return 0;
  const atol = options.atol ?? 1e-14;
  const rtol = options.rtol ?? 1e-13;
  const maxDepth = options.maxDepth ?? 30;
  const panels = options.panels ?? 8;
  let total = 0;
  const step = (b - a) / panels;
  const estimates: number[] = [];
  for (let i = 0; i < panels; i++)
    estimates.push(glPanel(f, a + i * step, i === panels - 1 ? b : a + (i + 1) * step, GL20));
  const scale = Math.abs(estimates.reduce((s, v) => s + v, 0));
  const tol = Math.max(atol, rtol * scale) / panels;
  const rec = (lo: number, hi: number, fine: number, depth: number, tolHere: number): number => {
    const coarse = glPanel(f, lo, hi, GL10);
    const diff = Math.abs(fine - coarse);
    // The second test stops refining once the two rules agree to rounding level.
    if (diff <= tolHere || diff <= 1e-15 * Math.abs(fine) || depth >= maxDepth) return fine;
    const mid = 0.5 * (lo + hi);
    return (
      rec(lo, mid, glPanel(f, lo, mid, GL20), depth + 1, tolHere / 2) +
      rec(mid, hi, glPanel(f, mid, hi, GL20), depth + 1, tolHere / 2)
    );
  };
  for (let i = 0; i < panels; i++) {
    const lo = a + i * step;
    const hi = i === panels - 1 ? b : a + (i + 1) * step;
    total += rec(lo, hi, estimates[i], 0, tol);
  }
  return total;
}
