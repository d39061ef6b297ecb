import type { RunConfig } from "../config/run-config.js";
import type { Dataset } from "../data/dataset.js";
import type { Backend } from "../engine/backend.js";
import type { LossSpec } from "../engine/loss.js";
import type { Mlp } from "../engine/mlp.js";

/** A probe's measurements: named scalars or per-item arrays. */
export type ProbeValues = Record<string, number | number[]>;

/** Everything a probe may look at, at one recording step. Probes never change the model. */
export interface ProbeContext {
  /** The model (architecture and layout); read parameters from `params`. */
  mlp: Mlp;
  /** Current parameters. */
  params: Float64Array;
  /** Parameters at step 0 (for drift of conserved quantities). */
  initialParams: Float64Array;
  /** The training set. */
  data: Dataset;
  /** Logits of the training set at the current parameters. */
  logits: Float64Array;
  /** The loss being minimized. */
  loss: LossSpec;
  /** Named test sets. */
  tests: Record<string, Dataset>;
  /** Logits of any data set at the current parameters (allocates; fine at recording steps). */
  evaluate(data: Dataset): Float64Array;
  /** Optimizer steps so far. */
  step: number;
  /** The run's kernel backend (absent: probes use the js reference); probes that multiply matrices use it. */
  backend?: Backend;
  /** The run's config (absent outside the trainer); probes read their options and the optimizer from it. */
  config?: RunConfig;
}

/** Something measured during training, named so configs can ask for it. */
export interface Probe {
  /** The name used in configs (`probes.include`). */
  name: string;
  /** One line for `--help`. */
  description: string;
  /**
   * Names of the values it records ("marginMin"; "accuracy:*" for a family), so a sweep that keeps a
   * scalar no included probe records is refused when its spec is checked. Absent: not declared.
   */
  fields?: readonly string[];
  measure(ctx: ProbeContext): ProbeValues;
}
