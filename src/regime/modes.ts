import type { Dataset } from "../data/dataset.js";
import { layoutOf, type MlpSpec } from "../engine/mlp.js";

/** First-layer weights W (h × d, row-major) of a flat parameter vector. */
export function firstLayer(spec: MlpSpec, params: Float64Array): { W: Float64Array; h: number; d: number } {
  const L = layoutOf(spec).layers[0];
  return {
    W: params.subarray(L.weightOffset, L.weightOffset + L.inputs * L.outputs),
    h: L.outputs,
    d: L.inputs,
  };
}

/**
 * Off-diagonal mass of a first layer, unit k ↔ input coordinate k: ‖offdiag‖ / ‖W‖ (Frobenius; 0 for
 * an all-zero W).
 */
export function offDiagonalShare(W: Float64Array, h: number, d: number): number {
  let off = 0;
  let all = 0;
  for (let k = 0; k < h; k++)
    for (let c = 0; c < d; c++) {
      const w2 = W[k * d + c] ** 2;
      all += w2;
      if (k !== c) off += w2;
    }
  return all > 0 ? Math.sqrt(off / all) : 0;
}

/**
 * Largest change of an off-diagonal first-layer weight over the run, relative to the largest diagonal
 * weight at the end: P1 says exactly 0 (ReLU, orthogonal axis-aligned inputs, diagonal init).
 */
export function offDiagonalGrowth(spec: MlpSpec, initial: Float64Array, final: Float64Array): number {
  const a = firstLayer(spec, initial);
  const b = firstLayer(spec, final);
  let grow = 0;
  let diag = 0;
  for (let k = 0; k < a.h; k++)
    for (let c = 0; c < a.d; c++) {
      const i = k * a.d + c;
      if (k === c) diag = Math.max(diag, Math.abs(b.W[i]));
      else grow = Math.max(grow, Math.abs(b.W[i] - a.W[i]));
    }
  return diag > 0 ? grow / diag : grow;
}

/** What gradient flow predicts for each point's mode (THEORY.md §4, mirrored for y = −1) and what GD did. */
export interface FateCount {
  /** Modes whose unit is alive at init (a > 0). */
  alive: number;
  /** Modes the flow keeps or recovers (y·b > −a, a > 0) whose unit GD killed (a ≤ 0 at the end). */
  killed: number;
  /** Modes the flow loses (y·b < −a) that GD brought to the right sign (a > 0 and y·b > 0 at the end). */
  rescued: number;
}

/**
 * Per-point mode fates in the exact setting: one hidden ReLU layer, point i on its own coordinate c_i
 * (`coordinate`), unit c_i's weight a = W[c_i][c_i]·sign(x_i) and output weight b = v[c_i]. Both counts
 * are 0 under gradient flow at any run length (a > 0 is kept while y·b > −a, and y·b never turns positive
 * once a unit is lost), so either being non-zero is GD leaving the flow.
 */
export function modeFates(
  spec: MlpSpec,
  initial: Float64Array,
  final: Float64Array,
  data: Dataset,
  coordinate: Int32Array,
): FateCount {
  const layout = layoutOf(spec).layers;
  const v = layout[1].weightOffset;
  const W0 = firstLayer(spec, initial);
  const W1 = firstLayer(spec, final);
  const out: FateCount = { alive: 0, killed: 0, rescued: 0 };
  for (let i = 0; i < data.n; i++) {
    const c = coordinate[i];
    const s = Math.sign(data.x[i * data.d + c]);
    const y = data.y[i] > 0 ? 1 : -1;
    const a0 = W0.W[c * W0.d + c] * s;
    const b0 = y * initial[v + c];
    const a1 = W1.W[c * W1.d + c] * s;
    const b1 = y * final[v + c];
    if (!(a0 > 0)) continue;
    out.alive++;
    if (b0 > -a0 && !(a1 > 0)) out.killed++;
    if (b0 < -a0 && a1 > 0 && b1 > 0) out.rescued++;
  }
  return out;
}
