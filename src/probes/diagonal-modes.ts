import { weightView } from "../engine/mlp.js";
import type { Probe, ProbeValues } from "./probe.js";

/**
 * The theory's two-parameter modes of a 2-layer net (THEORY.md §2): for unit k, a_k = W_1[k][k] and
 * b_k = w_2[k], and the largest off-diagonal |W_1[k][i]| (P1: stays exactly 0 for ReLU, orthogonal inputs
 * and diagonal init). Empty for other depths.
 */
export const diagonalModesProbe: Probe = {
  name: "diagonal-modes",
  description: "2-layer nets: a[k] = W1[k][k], b[k] = w2[k], offDiagonalMax = max |W1[k][i≠k]|",
  fields: ["a", "b", "offDiagonalMax"],
  measure({ mlp, params }): ProbeValues {
    if (mlp.layers.length !== 2) return {};
    const L = mlp.layers[0];
    const W = weightView(mlp, params, 0);
    const v = weightView(mlp, params, 1);
    const k = Math.min(L.inputs, L.outputs);
    const a: number[] = new Array(k);
    const b: number[] = new Array(k);
    for (let i = 0; i < k; i++) {
      a[i] = W[i * L.inputs + i];
      b[i] = v[i];
    }
    let off = 0;
    for (let o = 0; o < L.outputs; o++) {
      for (let i = 0; i < L.inputs; i++) if (i !== o) off = Math.max(off, Math.abs(W[o * L.inputs + i]));
    }
    return { a, b, offDiagonalMax: off };
  },
};
