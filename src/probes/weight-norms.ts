import { weightView } from "../engine/mlp.js";
import type { Probe } from "./probe.js";

/** Frobenius norm of each layer's weights and of all parameters (CE keeps growing them like ln t). */
export const weightNormsProbe: Probe = {
  name: "weight-norms",
  description: "Frobenius norm per layer (weightNorm[l]) and of all parameters (paramNorm)",
  fields: ["weightNorm", "paramNorm"],
  measure({ mlp, params }) {
    const weightNorm = mlp.layers.map((_, l) => norm(weightView(mlp, params, l)));
    return { weightNorm, paramNorm: norm(params) };
  },
};

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
