/**
 * The diagonal linear network of Pesme & Flammarion (NeurIPS 2023) on a sparse regression: β = u ⊙ v,
 * u(0) = √2·α, v(0) = 0, gradient flow on L = ‖Xβ − y‖²/(2n), simulated in (u, v) by the ODE solver (not
 * through the closed form the theory uses); and the finite-α limit point the flow must reach (Woodworth
 * et al., COLT 2020): β∞(α) = α² sinh(2Xᵀλ) with Xβ∞ = y, found by Newton on the convex dual.
 */
import { Matrix, solve } from "ml-matrix";
import { Rng } from "../../engine/rng.js";
import { integrate } from "../../theory/ode.js";
import type { SparseProblem } from "./settings.js";

/** X (n × d), y = Xβ*, and β*. */
export interface Regression {
  X: number[][];
  y: number[];
  star: number[];
}

/** The problem's data: Gaussian X, β* with `values` on coordinates drawn without replacement. */
export function sparseRegression(p: SparseProblem): Regression {
  if (!(p.samples >= 1 && p.features >= p.values.length && p.values.length >= 1))
    throw new Error(
      `sparse problem: need samples ≥ 1 and features ≥ values.length ≥ 1, got n = ${p.samples}, d = ${p.features}, ${p.values.length} values`,
    );
  const rng = new Rng(p.seed).fork("saddle-data");
  const X = Array.from({ length: p.samples }, () => Array.from({ length: p.features }, () => rng.normal()));
  const coords = Array.from({ length: p.features }, (_, i) => i);
  for (let i = coords.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [coords[i], coords[j]] = [coords[j], coords[i]];
  }
  const star = new Array<number>(p.features).fill(0);
  p.values.forEach((v, k) => {
    star[coords[k]] = v;
  });
  return { X, y: X.map((r) => r.reduce((a, x, i) => a + x * star[i], 0)), star };
}

/** ∇L at β (written into g) and L. */
export function lossGradient(r: Regression, beta: ArrayLike<number>, g: Float64Array): number {
  const n = r.X.length;
  g.fill(0);
  let loss = 0;
  for (let j = 0; j < n; j++) {
    const row = r.X[j];
    let e = -r.y[j];
    for (let i = 0; i < row.length; i++) e += row[i] * beta[i];
    loss += (e * e) / (2 * n);
    for (let i = 0; i < row.length; i++) g[i] += (row[i] * e) / n;
  }
  return loss;
}

/** A simulated flow: loss and β at the output times t (unscaled). */
export interface FlowRun {
  t: number[];
  loss: number[];
  beta: number[][];
}

/** Gradient flow u' = −v ⊙ ∇L, v' = −u ⊙ ∇L from u = √2α, v = 0, reported at `times`. */
export function simulateFlow(r: Regression, alpha: number, times: number[], rtol: number): FlowRun {
  const d = r.star.length;
  const g = new Float64Array(d);
  const beta = new Float64Array(d);
  const rhs = (_t: number, y: Float64Array, dy: Float64Array) => {
    for (let i = 0; i < d; i++) beta[i] = y[i] * y[d + i];
    lossGradient(r, beta, g);
    for (let i = 0; i < d; i++) {
      dy[i] = -y[d + i] * g[i];
      dy[d + i] = -y[i] * g[i];
    }
  };
  const y0 = [...new Array<number>(d).fill(Math.SQRT2 * alpha), ...new Array<number>(d).fill(0)];
  // atol scaled to α: u and v start at α-size, and their relative accuracy is what the plateaus need.
  const res = integrate(rhs, y0, 0, times[times.length - 1], {
    outputTimes: times,
    rtol,
    atol: rtol * alpha * 1e-3,
  });
  if (res.t.length < times.length)
    throw new Error(`saddle-to-saddle: the flow stopped at t = ${res.t[res.t.length - 1]} (${res.status})`);
  const out: FlowRun = { t: res.t, loss: [], beta: [] };
  for (const y of res.y) {
    const b = Array.from({ length: d }, (_, i) => y[i] * y[d + i]);
    out.beta.push(b);
    out.loss.push(lossGradient(r, b, g));
  }
  return out;
}

/** Newton with backtracking on the dual F(λ) = Σ_i ½α² cosh(2(Xᵀλ)_i) − λᵀy (convex; ∇F = Xβ(λ) − y). */
function dualNewton(r: Regression, alpha: number, start: number[]): { beta: number[]; lambda: number[] } {
  const X = new Matrix(r.X);
  const n = X.rows;
  const a2 = alpha * alpha;
  let lambda = start;
  const z = (l: number[]) => X.transpose().mmul(Matrix.columnVector(l)).to1DArray();
  const F = (l: number[]) => z(l).reduce((a, v) => a + 0.5 * a2 * Math.cosh(2 * v), 0) - dot(l, r.y);
  let previous = Number.POSITIVE_INFINITY;
  for (let it = 0; it < 500; it++) {
    const zl = z(lambda);
    const beta = zl.map((v) => a2 * Math.sinh(2 * v));
    const grad = X.mmul(Matrix.columnVector(beta))
      .to1DArray()
      .map((v, j) => v - r.y[j]);
    const size = Math.sqrt(dot(grad, grad)) / (1 + Math.sqrt(dot(r.y, r.y)));
    // Done at rounding level. At small α the Hessian X diag(w) Xᵀ spans w from α² to O(1) and the Newton
    // solve loses digits: a step that no longer shrinks a residual below 1e-6 (relative) has hit that floor.
    if (size <= 1e-12 || (size <= 1e-6 && size >= 0.999 * previous)) return { beta, lambda };
    previous = size;
    const w = zl.map((v) => 2 * a2 * Math.cosh(2 * v));
    const H = X.clone();
    for (let j = 0; j < n; j++) for (let i = 0; i < X.columns; i++) H.set(j, i, X.get(j, i) * w[i]);
    const step = solve(H.mmul(X.transpose()), Matrix.columnVector(grad)).to1DArray();
    const f0 = F(lambda);
    let t = 1;
    let next = lambda.map((v, j) => v - step[j]);
    while (F(next) > f0 - 0.25 * t * dot(step, grad) && t > 1e-12) {
      t /= 2;
      next = lambda.map((v, j) => v - t * step[j]);
    }
    lambda = next;
  }
  throw new Error(`saddle-to-saddle: the dual Newton for β∞(α = ${alpha}) did not converge in 500 steps`);
}

/**
 * β∞(α): the interpolator the flow converges to, argmin Σ α²·q(β_i/α²) over Xβ = y with q the hyperbolic
 * entropy, from its dual by Newton. Small α is ill-conditioned from λ = 0 (the Hessian is ~α²), so α is
 * lowered from 1 by factors of 10, each solve warm-started from the last (continuation).
 */
export function limitPoint(r: Regression, alpha: number): number[] {
  const path = [alpha];
  while (path[0] < 0.1) path.unshift(path[0] * 10);
  let lambda = new Array<number>(r.X.length).fill(0);
  let beta: number[] = [];
  for (const a of path) ({ beta, lambda } = dualNewton(r, a, lambda));
  return beta;
}

/** The minimum-ℓ2-norm interpolator Xᵀ(XXᵀ)⁻¹y: the kernel (large-α) end of the family. */
export function minNormInterpolator(r: Regression): number[] {
  const X = new Matrix(r.X);
  const c = solve(X.mmul(X.transpose()), Matrix.columnVector(r.y));
  return X.transpose().mmul(c).to1DArray();
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** ‖a − b‖ / ‖b‖. */
export function relativeDistance(a: number[], b: number[]): number {
  const diff = a.map((v, i) => v - b[i]);
  return Math.sqrt(dot(diff, diff) / dot(b, b));
}
