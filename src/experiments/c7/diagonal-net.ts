/**
 * The network of THEORY.md §7: a diagonal two-layer linear network over the feature directions,
 * f(x) = Σ_j a_j b_j (x·d_j), one pair (a_j, b_j) per feature, u_j = a_j b_j its mode strength. Trained by
 * full-batch GD on the engine's data and the engine's loss (src/engine/loss.ts, mean reduction), with the
 * engine's spectral-decoupling term (λ/2·mean f², as in src/train/trainer.ts).
 *
 * Why not the engine's MLP: its first layer is dense, and on data where one point carries both features a
 * diagonal start does not stay diagonal — the unit of the frequent feature A grows along B at the rate
 * ρ = p r_B/r_A (its gradient is the mean of the points it fires on, which carry B), so f(u_B) ≈ ρ u_A and
 * B is never starved (measured as a limit in c7). THEORY.md's u_A and u_B are separate parameters, which the
 * engine cannot express without a weight mask; this file is that model, nothing more.
 */
import type { DataBundle, Dataset } from "../../data/dataset.js";
import { type LossSpec, lossAndGradient } from "../../engine/loss.js";

/** Options of {@link trainDiagonalNet}. */
export interface DiagonalNetOptions {
  /** Data with known feature directions (the "features" generator). */
  data: DataBundle;
  /** Initial weights a_j = b_j = a0 for every feature (balanced; u_j(0) = a0²). */
  a0: number;
  /** Loss: "ce" or "hinge" (margin 1), mean over points. */
  loss: "ce" | "hinge";
  /** Learning rate (t = lr × steps). */
  lr: number;
  /** Number of GD steps. */
  steps: number;
  /** λ of spectral decoupling, penalty λ/2·mean(f²). Default 0. */
  spectralDecoupling?: number;
  /** Steps at which to record u (sorted; 0 and `steps` are always recorded). */
  recordAt?: readonly number[];
}

/** Mode strengths over time and the final weights. */
export interface DiagonalNetResult {
  /** Record times t = lr × step. */
  t: number[];
  /** u[k][j]: strength of feature j at record k. */
  u: number[][];
  /** Final a_j and b_j. */
  a: number[];
  b: number[];
}

/** Projections x_n·d_j of every point on every feature direction (n × k). */
export function featureCoordinates(ds: Dataset): { k: number; X: Float64Array } {
  if (!ds.features)
    throw new Error(`diagonal net: data set "${ds.name}" has no feature directions; use the "features" data`);
  const k = ds.features.names.length;
  const X = new Float64Array(ds.n * k);
  for (let i = 0; i < ds.n; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let c = 0; c < ds.d; c++) s += ds.x[i * ds.d + c] * ds.features.directions[j * ds.d + c];
      X[i * k + j] = s;
    }
  }
  return { k, X };
}

/**
 * Identical rows (same feature coordinates and label) merged with their multiplicities: the mean loss and
 * its gradient are unchanged (each distinct point weighted by count/n), and GD costs O(distinct points).
 */
function distinctRows(ds: Dataset): { k: number; X: Float64Array; y: Float64Array; weight: Float64Array } {
  const { k, X } = featureCoordinates(ds);
  const index = new Map<string, number>();
  const rows: number[][] = [];
  const ys: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < ds.n; i++) {
    const row = Array.from(X.subarray(i * k, (i + 1) * k));
    const key = `${ds.y[i]}|${row.join(",")}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, rows.length);
      rows.push(row);
      ys.push(ds.y[i]);
      counts.push(1);
    } else counts[at]++;
  }
  return {
    k,
    X: Float64Array.from(rows.flat()),
    y: Float64Array.from(ys),
    weight: Float64Array.from(counts, (c) => c / ds.n),
  };
}

/** GD on the diagonal network (see the module comment). */
export function trainDiagonalNet(o: DiagonalNetOptions): DiagonalNetResult {
  const { k, X, y, weight } = distinctRows(o.data.train);
  const n = y.length;
  const a = new Float64Array(k).fill(o.a0);
  const b = new Float64Array(k).fill(o.a0);
  const u = new Float64Array(k);
  const logits = new Float64Array(n);
  const dLogits = new Float64Array(n);
  const ga = new Float64Array(k);
  // Per-point loss gradients (reduction "sum"), weighted by count/n below: the engine's mean loss.
  const spec: LossSpec = { kind: o.loss, reduction: "sum", margin: 1 };
  const sd = o.spectralDecoupling ?? 0;
  const record = new Set<number>([0, o.steps, ...(o.recordAt ?? [])]);
  const out: DiagonalNetResult = { t: [], u: [], a: [], b: [] };
  for (let step = 0; ; step++) {
    for (let j = 0; j < k; j++) u[j] = a[j] * b[j];
    if (record.has(step)) {
      out.t.push(o.lr * step);
      out.u.push(Array.from(u));
    }
    if (step === o.steps) break;
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let j = 0; j < k; j++) f += u[j] * X[i * k + j];
      logits[i] = f;
    }
    lossAndGradient(spec, logits, y, n, dLogits);
    for (let i = 0; i < n; i++) dLogits[i] = weight[i] * (dLogits[i] + sd * logits[i]);
    ga.fill(0);
    for (let i = 0; i < n; i++) {
      const g = dLogits[i];
      if (g === 0) continue;
      for (let j = 0; j < k; j++) ga[j] += g * X[i * k + j];
    }
    for (let j = 0; j < k; j++) {
      const aj = a[j];
      a[j] -= o.lr * ga[j] * b[j];
      b[j] -= o.lr * ga[j] * aj;
    }
  }
  out.a = Array.from(a);
  out.b = Array.from(b);
  return out;
}
