/**
 * Saddle-to-saddle dynamics of diagonal linear networks (Pesme & Flammarion, NeurIPS 2023, "Saddle-to-Saddle
 * Dynamics in Diagonal Linear Networks", their Algorithm 1). Model β = u ⊙ v with u(0) = √2·α·1, v(0) = 0,
 * gradient flow on L(β) = ‖Xβ − y‖²/(2n). Per coordinate u² − v² = 2α² is conserved and
 * β_i = α² sinh(2 q_i), q = −∫₀ᵗ ∇L dt; in rescaled time t̃ = t / ln(1/α) this is β_i ≈ ½ sign(s_i) α^{2(1−|s_i|)}
 * with s = −∫ ∇L dt̃. So as α → 0, β_i can leave 0 only once |s_i| reaches 1, and the limit is
 * piecewise constant: s moves linearly, s ← s − Δ·∇L(β), until a coordinate reaches |s_i| = 1; then β
 * jumps to the minimizer of L over the sign pattern of the saturated coordinates (β_i = 0 where |s_i| < 1,
 * s_i β_i ≥ 0 where |s_i| = 1), a saddle of the loss, and the clock runs on.
 */
import { Matrix, solve } from "ml-matrix";

/** One saddle the limit process visits. */
export interface Saddle {
  /** Rescaled time t̃ = t / ln(1/α) at which the process jumps to this saddle (0 for the start β = 0). */
  time: number;
  /** β at the saddle. */
  beta: number[];
  /** Its loss ‖Xβ − y‖²/(2n). */
  loss: number;
  /** Indices of its non-zero coordinates, ascending. */
  support: number[];
}

/** Options of {@link saddleToSaddle}. */
export interface SaddleOptions {
  /** Most jumps before stopping (default 100). */
  maxJumps?: number;
  /** Gradient entries below this count as 0 (default 1e-12 × max|Xᵀy|/n). */
  tolerance?: number;
}

function residualGradient(X: Matrix, y: number[], beta: number[]): { g: number[]; loss: number } {
  const n = X.rows;
  const r = X.mmul(Matrix.columnVector(beta))
    .to1DArray()
    .map((v, i) => v - y[i]);
  const g = X.transpose()
    .mmul(Matrix.columnVector(r))
    .to1DArray()
    .map((v) => v / n);
  return { g, loss: r.reduce((a, v) => a + v * v, 0) / (2 * n) };
}

/**
 * min ‖A γ − b‖² over γ ≥ 0 (Lawson & Hanson's active-set NNLS), A: m × k. Exact in finitely many steps;
 * the passive-set least squares by ml-matrix's `solve` (QR, least squares for tall systems).
 */
export function nnls(A: Matrix, b: number[], tol = 1e-12): number[] {
  const k = A.columns;
  const x = new Array<number>(k).fill(0);
  const passive = new Set<number>();
  const At = A.transpose();
  const bv = Matrix.columnVector(b);
  const dual = () => At.mmul(bv.clone().sub(A.mmul(Matrix.columnVector(x)))).to1DArray();
  const lsOn = (set: number[]) => {
    const sub = A.subMatrixColumn(set);
    return solve(sub, bv, true).to1DArray();
  };
  for (let outer = 0; outer < 3 * k + 10; outer++) {
    const w = dual();
    let j = -1;
    for (let i = 0; i < k; i++) if (!passive.has(i) && w[i] > tol && (j < 0 || w[i] > w[j])) j = i;
    if (j < 0) break;
    passive.add(j);
    for (let inner = 0; inner < 3 * k + 10; inner++) {
      const set = [...passive].sort((a, c) => a - c);
      const z = lsOn(set);
      if (z.every((v) => v > 0)) {
        x.fill(0);
        set.forEach((i, q) => {
          x[i] = z[q];
        });
        break;
      }
      let alpha = 1;
      set.forEach((i, q) => {
        if (z[q] <= 0) alpha = Math.min(alpha, x[i] / (x[i] - z[q]));
      });
      set.forEach((i, q) => {
        x[i] += alpha * (z[q] - x[i]);
        if (x[i] <= tol) {
          x[i] = 0;
          passive.delete(i);
        }
      });
    }
  }
  return x;
}

/**
 * The saddles visited by the α → 0 limit of gradient flow on u ⊙ v from β = 0 (Algorithm 1 of Pesme &
 * Flammarion 2023), with their jump times in rescaled time t̃ = t / ln(1/α). X: n rows of d features.
 */
export function saddleToSaddle(X: number[][], y: number[], options: SaddleOptions = {}): Saddle[] {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  if (n === 0 || d === 0 || y.length !== n)
    throw new Error(
      `saddleToSaddle: X must be n × d with n = y.length ≥ 1, got ${n} × ${d} and ${y.length} targets`,
    );
  const Xm = new Matrix(X);
  let beta = new Array<number>(d).fill(0);
  const s = new Array<number>(d).fill(0);
  let t = 0;
  let { g, loss } = residualGradient(Xm, y, beta);
  const tol = options.tolerance ?? 1e-12 * Math.max(...g.map(Math.abs), 1e-300);
  const saddles: Saddle[] = [{ time: 0, beta: [...beta], loss, support: [] }];
  for (let jump = 0; jump < (options.maxJumps ?? 100); jump++) {
    // The first coordinate to reach |s_i| = 1 moving as s − Δ·g.
    let delta = Number.POSITIVE_INFINITY;
    let hit = -1;
    for (let i = 0; i < d; i++) {
      if (Math.abs(g[i]) <= tol) continue;
      const target = g[i] < 0 ? 1 : -1;
      if (s[i] === target) continue;
      const di = (target - s[i]) / -g[i];
      if (di < delta) {
        delta = di;
        hit = i;
      }
    }
    if (hit < 0) break;
    t += delta;
    for (let i = 0; i < d; i++) s[i] -= delta * g[i];
    s[hit] = g[hit] < 0 ? 1 : -1;
    // β: least squares over the saturated coordinates with the sign of s (γ_i = s_i β_i ≥ 0).
    const active = s.map((v, i) => (Math.abs(v) >= 1 - 1e-12 ? i : -1)).filter((i) => i >= 0);
    for (const i of active) s[i] = Math.sign(s[i]);
    const A = new Matrix(n, active.length);
    active.forEach((i, q) => {
      for (let r = 0; r < n; r++) A.set(r, q, (X[r][i] * s[i]) / Math.sqrt(n));
    });
    const gamma = nnls(
      A,
      y.map((v) => v / Math.sqrt(n)),
    );
    beta = new Array<number>(d).fill(0);
    active.forEach((i, q) => {
      beta[i] = s[i] * gamma[q];
    });
    ({ g, loss } = residualGradient(Xm, y, beta));
    saddles.push({
      time: t,
      beta: [...beta],
      loss,
      support: beta.map((b, i) => (b !== 0 ? i : -1)).filter((i) => i >= 0),
    });
  }
  return saddles;
}
