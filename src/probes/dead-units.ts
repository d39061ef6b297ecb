import { activate } from "../engine/activation.js";
import { biasView, weightView } from "../engine/mlp.js";
import type { Probe, ProbeValues } from "./probe.js";

/**
 * Hidden units that output zero gradient on every training point (pre-activation ≤ 0 everywhere, for
 * relu): such a unit never learns again under gradient descent (THEORY.md §4, region a ≤ 0).
 */
export const deadUnitsProbe: Probe = {
  name: "dead-units",
  description: "relu units inactive on every training point: deadUnits (count), deadFraction",
  fields: ["deadUnits", "deadFraction"],
  measure({ mlp, params, data }): ProbeValues {
    if (mlp.spec.activation !== "relu" || mlp.layers.length < 2) return {};
    let input = data.x;
    let dead = 0;
    let total = 0;
    for (let l = 0; l + 1 < mlp.layers.length; l++) {
      const L = mlp.layers[l];
      const W = weightView(mlp, params, l);
      const b = biasView(mlp, params, l);
      const z = new Float64Array(data.n * L.outputs);
      for (let p = 0; p < data.n; p++) {
        for (let o = 0; o < L.outputs; o++) {
          let s = b ? b[o] : 0;
          for (let i = 0; i < L.inputs; i++) s += W[o * L.inputs + i] * input[p * L.inputs + i];
          z[p * L.outputs + o] = s;
        }
      }
      for (let o = 0; o < L.outputs; o++) {
        let alive = false;
        for (let p = 0; p < data.n && !alive; p++) alive = z[p * L.outputs + o] > 0;
        if (!alive) dead++;
        total++;
      }
      const h = new Float64Array(z.length);
      activate("relu", z, h, z.length, 0);
      input = h;
    }
    return { deadUnits: dead, deadFraction: dead / total };
  },
};
