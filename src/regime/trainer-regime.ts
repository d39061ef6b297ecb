import type { Trainer } from "../train/trainer.js";
import type { RegimeVerdict } from "./check.js";
import { measureRegime, type RegimeOptions } from "./meter.js";

/** The regime verdict of a trainer's run so far (its start against its current parameters). */
export function trainerRegime(trainer: Trainer, options: RegimeOptions = {}): RegimeVerdict {
  return measureRegime(
    {
      config: trainer.config,
      data: trainer.data.train,
      spec: trainer.mlp.spec,
      initialParams: trainer.initialParams,
      finalParams: Float64Array.from(trainer.mlp.params),
      history: trainer.history,
    },
    options,
  );
}
