import { biasView, type Mlp, weightView } from "../engine/mlp.js";
import type { Probe, ProbeValues } from "./probe.js";

/**
 * Per hidden unit k of layer l: c = ‖incoming weights (and bias)‖² − ‖outgoing weights‖². Gradient flow
 * conserves it for positively homogeneous activations (relu, leaky-relu, linear); for a diagonal 2-layer
 * net it is the theory's a² − b² (P2). Gradient descent drifts by O(η) per unit time.
 * Reports the values of the last hidden layer and the largest drift from step 0 over all hidden units.
 */
export const conservedProbe: Probe = {
  name: "conserved",
  description:
    "balance ‖w_in‖² − ‖w_out‖² per last-layer unit (balance[k]) and max drift from step 0 (balanceDrift)",
  fields: ["balance", "balanceDrift"],
  measure({ mlp, params, initialParams }): ProbeValues {
    if (mlp.layers.length < 2) return {};
    const now = balances(mlp, params);
    const start = balances(mlp, initialParams);
    let drift = 0;
    for (let i = 0; i < now.length; i++) {
      for (let k = 0; k < now[i].length; k++) drift = Math.max(drift, Math.abs(now[i][k] - start[i][k]));
    }
    return { balance: now[now.length - 1], balanceDrift: drift };
  },
};

/** balances[l][k] for each hidden layer l (0-based) and unit k. */
export function balances(mlp: Mlp, params: Float64Array): number[][] {
  const out: number[][] = [];
  for (let l = 0; l + 1 < mlp.layers.length; l++) {
    const L = mlp.layers[l];
    const next = mlp.layers[l + 1];
    const W = weightView(mlp, params, l);
    const b = biasView(mlp, params, l);
    const Wn = weightView(mlp, params, l + 1);
    const layer: number[] = new Array(L.outputs);
    for (let k = 0; k < L.outputs; k++) {
      let inSq = b ? b[k] * b[k] : 0;
      for (let i = 0; i < L.inputs; i++) inSq += W[k * L.inputs + i] ** 2;
      let outSq = 0;
      for (let o = 0; o < next.outputs; o++) outSq += Wn[o * next.inputs + k] ** 2;
      layer[k] = inSq - outSq;
    }
    out.push(layer);
  }
  return out;
}
