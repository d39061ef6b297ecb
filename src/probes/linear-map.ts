/**
 * The end-to-end map of a linear network: f(x) = W_D ⋯ W_1 x (+ the biases' constant), a 1 × d row for
 * the trainer's scalar logit. The Saxe mode strengths and the Soudry direction are properties of this
 * product, so the probes that record them need a net without a nonlinearity.
 */
import { type Mlp, weightView } from "../engine/mlp.js";

/** Why `mlp` has no end-to-end linear map (a nonlinear hidden layer), or null when it has one. */
export function linearMapProblem(mlp: Pick<Mlp, "spec">, probe: string): string | null {
  if (mlp.spec.hidden.length === 0 || mlp.spec.activation === "linear") return null;
  return `probe ${probe}: the net has ${mlp.spec.activation} hidden units, so f is not one matrix W·x; use model.activation "linear" or model.hidden [] (a linear model)`;
}

/** W_D ⋯ W_1 as a row-major outputs × d matrix (biases left out); throws for a nonlinear net. */
export function endToEndMap(
  mlp: Pick<Mlp, "spec" | "layers">,
  params: Float64Array,
  probe: string,
): Float64Array {
  const problem = linearMapProblem(mlp, probe);
  if (problem) throw new Error(problem);
  // From the input side, M ← W_l · M starting at M = W_1, so M stays (width of layer l) × d.
  let m = Float64Array.from(weightView(mlp, params, 0));
  const cols = mlp.layers[0].inputs;
  for (let l = 1; l < mlp.layers.length; l++) {
    const { inputs, outputs } = mlp.layers[l];
    const w = weightView(mlp, params, l);
    const next = new Float64Array(outputs * cols);
    for (let i = 0; i < outputs; i++)
      for (let k = 0; k < inputs; k++) {
        const wik = w[i * inputs + k];
        if (wik === 0) continue;
        for (let j = 0; j < cols; j++) next[i * cols + j] += wik * m[k * cols + j];
      }
    m = next;
  }
  return m;
}
