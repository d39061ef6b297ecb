/**
 * PyTorch's nn.Linear default initialisation, drawn from a learndyn Rng: W and b uniform in ±1/√fan_in.
 * The gradient-starvation studies start from it because the authors' scripts do, and because the engine's
 * drawn inits start biases at 0 (a moons net with zero biases bends its boundary differently).
 */
import type { Rng } from "../../engine/rng.js";

/** One layer's weights (rows: outputs) and biases, in the run config's `init.weights` form. */
export interface ExplicitLayer {
  W: number[][];
  b: number[];
}

/** nn.Linear's init for every layer of widths `sizes` (input first), W before b per layer, layer by layer. */
export function torchLinearInit(sizes: readonly number[], rng: Rng): ExplicitLayer[] {
  const layers: ExplicitLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l];
    const bound = 1 / Math.sqrt(fanIn);
    const W = Array.from({ length: sizes[l + 1] }, () =>
      Array.from({ length: fanIn }, () => rng.uniformIn(-bound, bound)),
    );
    const b = Array.from({ length: sizes[l + 1] }, () => rng.uniformIn(-bound, bound));
    layers.push({ W, b });
  }
  return layers;
}
