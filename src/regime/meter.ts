/**
 * The regime meter: for one run, whether the assumptions of the theory (docs/THEORY.md §1: gradient
 * flow, small init, orthogonal inputs, a diagonal first layer of ReLU units) hold, each with the quantity
 * measured on the run. Called by the CLI's `train`, the sweep runner (stored with the run) and the lab.
 * Before training (no final weights) it gives the a-priori part, which the lab uses to decide whether a
 * theory curve may be drawn at all.
 */
import type { RunConfig } from "../config/run-config.js";
import type { Dataset } from "../data/dataset.js";
import type { MlpSpec } from "../engine/mlp.js";
import type { HistoryRecord } from "../train/history.js";
import { type RegimeCheck, type RegimeVerdict, verdictOf } from "./check.js";
import {
  firstLayerCheck,
  flowStepCheck,
  initScaleCheck,
  inputsCheck,
  largestLr,
  optimizerCheck,
  stabilityCheck,
  unitsCheck,
} from "./checks.js";
import { fatesCheck, offDiagonalCheck } from "./checks-modes.js";
import { sharpnessAt } from "./curvature.js";
import { inputGeometry } from "./geometry.js";

export { largestLr };

/** One run as the meter sees it: plain data. */
export interface RegimeRun {
  /** The validated run config. */
  config: RunConfig;
  /** The training set. */
  data: Dataset;
  /** The model's architecture (engine spec: input dimension, widths, activation, diagonal layers). */
  spec: MlpSpec;
  /** Parameters at step 0. */
  initialParams: Float64Array;
  /** Parameters at the end; absent before training (then only the a-priori checks are measured). */
  finalParams?: Float64Array;
  /** The run's records: a recorded `lrSharpness` (sharpness probe) counts in the stability check. */
  history?: readonly HistoryRecord[];
}

/** Options of {@link measureRegime}. */
export interface RegimeOptions {
  /**
   * Largest n × parameters for which the meter measures λ_max itself (at init and at the end, ~20-60
   * Hessian-vector products each, on the JS backend). Default 2e6 (a few tenths of a second at most);
   * 0 never. Above it only a recorded sharpness probe counts.
   */
  sharpnessBudget?: number;
  /** Points the input-geometry quantities are computed over (default 256; exact when n is at most this). */
  geometryPoints?: number;
}

/** The verdict on a run (see the module comment). Costs O(min(n, 256)² d) plus the λ_max budget. */
export function measureRegime(run: RegimeRun, options: RegimeOptions = {}): RegimeVerdict {
  const { config, data, spec } = run;
  const geometry = inputGeometry(data, options.geometryPoints ?? 256);
  const budget = options.sharpnessBudget ?? 2e6;
  const size = run.initialParams.length;
  const objective = {
    loss: config.loss,
    spectralDecoupling: config.regularization.spectralDecoupling,
    weightDecay: config.optimizer.weightDecay,
  };
  const sharpness: { at: string; value: number }[] = [];
  if (data.n * size <= budget) {
    sharpness.push({ at: "init", value: sharpnessAt(spec, run.initialParams, data, objective) });
    if (run.finalParams)
      sharpness.push({ at: "end", value: sharpnessAt(spec, run.finalParams, data, objective) });
  }
  const recorded = recordedLrSharpness(run.history ?? []);
  const checks: RegimeCheck[] = [
    optimizerCheck(config),
    flowStepCheck(config, data, geometry),
    stabilityCheck(config, sharpness, recorded, data.n * size > budget),
    initScaleCheck(config, spec, run.initialParams, data),
    inputsCheck(spec, geometry),
    unitsCheck(spec),
    firstLayerCheck(spec, run.initialParams, geometry),
    offDiagonalCheck(run, geometry),
    fatesCheck(run, geometry),
  ];
  return verdictOf(checks);
}

/** The largest recorded η·λ_max (the sharpness probe's `lrSharpness`) and its step, or null. */
function recordedLrSharpness(history: readonly HistoryRecord[]): { value: number; step: number } | null {
  let best: { value: number; step: number } | null = null;
  for (const r of history) {
    const v = r.lrSharpness;
    if (typeof v === "number" && Number.isFinite(v) && (!best || v > best.value))
      best = { value: v, step: r.step };
  }
  return best;
}
