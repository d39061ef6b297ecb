import type { RunConfig } from "../config/run-config.js";
import type { InitSpec, LayerInit } from "../engine/init.js";
import type { LossSpec } from "../engine/loss.js";
import type { MlpSpec } from "../engine/mlp.js";
import type { OptimizerSpec } from "../engine/optimizer.js";

/** The engine's plain specs for a validated config on data of dimension `inputDim`. */
export interface EngineSpecs {
  model: MlpSpec;
  init: InitSpec;
  loss: LossSpec;
  optimizer: OptimizerSpec;
  /** Minibatch size, or null for full batch. */
  batchSize: number | null;
}

/** Translates a validated RunConfig into engine specs (explicit-weight files must be resolved already). */
export function toEngineSpecs(config: RunConfig, inputDim: number): EngineSpecs {
  const model: MlpSpec = { inputDim, ...config.model };
  const opt = config.optimizer;
  const batchSize = opt.kind === "gd" ? null : opt.kind === "sgd" ? (opt.batchSize ?? 32) : opt.batchSize;
  return {
    model,
    init: toInitSpec(config.init),
    loss: { ...config.loss },
    optimizer: { ...opt, batchSize },
    batchSize,
  };
}

function toInitSpec(init: RunConfig["init"]): InitSpec {
  if (init.scheme === "explicit") {
    if (!("weights" in init) || !init.weights) {
      throw new Error(
        "init.file must be loaded into init.weights before training (the CLI does this; in code, pass weights)",
      );
    }
    return { kind: "explicit", weights: init.weights };
  }
  const { layers, balanced, ...top } = init;
  const asLayerInit = (l: typeof top): LayerInit => ({
    scheme: l.scheme,
    scale: l.scale,
    gain: l.gain,
    diagonal: l.diagonal,
    values: l.values,
  });
  return { kind: "layers", layers: layers ? layers.map(asLayerInit) : [asLayerInit(top)], balanced };
}
