/**
 * Input–output data with a chosen correlation spectrum (Saxe, McClelland & Ganguli 2014): whitened inputs
 * (Σ_xx = I) and targets whose input–output correlation Σ_yx = (1/P) Σ_μ y_μ x_μᵀ = U·diag(s)·Vᵀ has the
 * singular values asked for, with random (Haar) singular vectors. A deep linear net trained on it with
 * squared loss learns mode α on its own sigmoid (THEORY.md §3, P14).
 */
import { Rng } from "../engine/rng.js";
import { randomOrthonormal } from "./orthonormal.js";

/** Options of {@link correlatedData}. */
export interface CorrelatedOptions {
  /** The singular values s_α > 0 of Σ_yx (their number k is the rank of the task). */
  singularValues: readonly number[];
  /** Input dimension N_in ≥ k; also the number of samples P (default k). */
  inputs?: number;
  /** Output dimension N_out ≥ k (default k). */
  outputs?: number;
  /** Seed of the singular vectors and the whitened input basis (default 0). */
  seed?: number;
}

/** Row-major data plus the spectrum it was built from. */
export interface CorrelatedData {
  /** Samples P (= inputs). */
  count: number;
  inputs: number;
  outputs: number;
  /** P × N_in inputs, rows √P·q_μ of a random orthogonal matrix, so Σ_xx = I exactly. */
  x: Float64Array;
  /** P × N_out targets y_μ = Σ_yx x_μ. */
  y: Float64Array;
  /** The singular values, as given. */
  singularValues: number[];
  /** k × N_out: row α is the output singular vector u_α. */
  u: Float64Array;
  /** k × N_in: row α is the input singular vector v_α. */
  v: Float64Array;
}

/** Builds the data set: Σ_xx = I and Σ_yx = Σ_α s_α u_α v_αᵀ to rounding. */
export function correlatedData(o: CorrelatedOptions): CorrelatedData {
  const s = [...o.singularValues];
  const k = s.length;
  const nin = o.inputs ?? k;
  const nout = o.outputs ?? k;
  if (k < 1) throw new Error("correlatedData: give at least one singular value (singularValues: [3, 1])");
  for (const v of s)
    if (!(Number.isFinite(v) && v > 0))
      throw new Error(`correlatedData: singular values must be finite and > 0, got ${v}`);
  if (!(Number.isInteger(nin) && nin >= k) || !(Number.isInteger(nout) && nout >= k))
    throw new Error(
      `correlatedData: inputs (${nin}) and outputs (${nout}) must be integers ≥ the number of singular values (${k})`,
    );
  const rng = new Rng(o.seed ?? 0, "correlated");
  const u = randomOrthonormal(k, nout, rng.fork("u"));
  const v = randomOrthonormal(k, nin, rng.fork("v"));
  const q = randomOrthonormal(nin, nin, rng.fork("x"));
  const P = nin;
  const x = new Float64Array(P * nin);
  for (let i = 0; i < x.length; i++) x[i] = Math.sqrt(P) * q[i];
  const y = new Float64Array(P * nout);
  for (let mu = 0; mu < P; mu++) {
    const xm = x.subarray(mu * nin, (mu + 1) * nin);
    for (let a = 0; a < k; a++) {
      let vx = 0;
      for (let c = 0; c < nin; c++) vx += v[a * nin + c] * xm[c];
      for (let r = 0; r < nout; r++) y[mu * nout + r] += s[a] * u[a * nout + r] * vx;
    }
  }
  return { count: P, inputs: nin, outputs: nout, x, y, singularValues: s, u, v };
}

/** The correlations of row-major data: Σ_xx (N_in × N_in) and Σ_yx (N_out × N_in), both divided by P. */
export function correlations(
  x: Float64Array,
  y: Float64Array,
  count: number,
  inputs: number,
  outputs: number,
): { xx: Float64Array; yx: Float64Array } {
  if (x.length !== count * inputs || y.length !== count * outputs)
    throw new Error(
      `correlations: x has ${x.length} entries and y ${y.length}, expected ${count}×${inputs} and ${count}×${outputs}`,
    );
  const xx = new Float64Array(inputs * inputs);
  const yx = new Float64Array(outputs * inputs);
  for (let mu = 0; mu < count; mu++)
    for (let c = 0; c < inputs; c++) {
      const xc = x[mu * inputs + c] / count;
      for (let d = 0; d < inputs; d++) xx[d * inputs + c] += x[mu * inputs + d] * xc;
      for (let r = 0; r < outputs; r++) yx[r * inputs + c] += y[mu * outputs + r] * xc;
    }
  return { xx, yx };
}
