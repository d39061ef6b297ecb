/**
 * The hard-margin SVM without bias: ŵ = argmin ½‖w‖² subject to y_i wᵀx_i ≥ 1, the direction that
 * gradient descent on logistic loss turns to on separable data (Soudry et al., JMLR 2018). Solved exactly
 * (to rounding) by the Goldfarb–Idnani dual active-set method of the `quadprog` package (a port of R's
 * quadprog): finite termination, no tolerance to tune.
 */
import { solveQP } from "quadprog";

/** The max-margin separator. */
export interface HardMarginSvm {
  /** ŵ (length d): the minimum-norm w with every margin y_i wᵀx_i ≥ 1. */
  w: Float64Array;
  /** Geometric margin 1/‖ŵ‖ of the normalized separator. */
  margin: number;
  /** Dual variables α_i ≥ 0, ŵ = Σ α_i y_i x_i (zero off the support vectors). */
  alpha: Float64Array;
  /** Indices with α_i > 0 (the support vectors). */
  support: number[];
}

/** Solves the SVM for n row-major points x (n × d) with labels y_i = ±1; throws if they are not separable. */
export function hardMarginSvm(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  d: number,
): HardMarginSvm {
  if (x.length !== n * d || y.length !== n)
    throw new Error(
      `hardMarginSvm: x has ${x.length} entries and y ${y.length}, expected ${n}×${d} and ${n}`,
    );
  for (let i = 0; i < n; i++)
    if (y[i] !== 1 && y[i] !== -1) throw new Error(`hardMarginSvm: labels must be ±1, y[${i}] = ${y[i]}`);
  const D: number[][] = [[]];
  const dvec: number[] = [0];
  const A: number[][] = [[]];
  for (let r = 1; r <= d; r++) {
    D.push([0]);
    A.push([0]);
    dvec.push(0);
    for (let c = 1; c <= d; c++) D[r].push(r === c ? 1 : 0);
    for (let i = 0; i < n; i++) A[r].push(y[i] * x[i * d + r - 1]);
  }
  const b0 = [0, ...Array.from({ length: n }, () => 1)];
  const r = solveQP(D, dvec, A, b0, 0);
  if (r.message)
    throw new Error(
      `hardMarginSvm: ${r.message.includes("inconsistent") ? "the data are not linearly separable through the origin" : r.message}`,
    );
  const w = Float64Array.from(r.solution.slice(1, d + 1));
  const alpha = Float64Array.from(r.Lagrangian.slice(1, n + 1), (a) => Math.max(0, a));
  let norm = 0;
  for (const v of w) norm += v * v;
  const support: number[] = [];
  alpha.forEach((a, i) => {
    if (a > 0) support.push(i);
  });
  return { w, margin: 1 / Math.sqrt(norm), alpha, support };
}
