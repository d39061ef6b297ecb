/**
 * The memory of a sweep's largest run, estimated from the spec before any run: a sweep whose axes reach
 * a model or a data set larger than the machine is refused with the axis values and the fix, instead of
 * every such run failing with "Invalid typed array length" (or the process aborting out of memory) hours
 * in. The plan is never walked: each axis's values are tried with the other axes held (coordinate ascent,
 * one pass), ranges only at their two ends (the estimate grows or shrinks along a range: sizes are
 * products and sums of the fields), so a 10¹⁵-point sweep is estimated as fast as a small one.
 */
import type { DataSpecConfig } from "../config/data-spec.js";
import type { RunConfig } from "../config/run-config.js";
import { layoutOf } from "../engine/mlp.js";
import { toEngineSpecs } from "../train/engine-specs.js";
import { axisLength, axisValueAt, pointConfig, type SweepPlan } from "./expand.js";
import { canonicalJson } from "./hash.js";
import { axisName } from "./spec.js";

/** float64 arrays of parameter size a run holds: weights, gradient, a chunk gradient, initial copy. */
const PARAMETER_COPIES = 4;
/** float64 arrays of (points in a pass × units) a pass holds: pre-activations, activations, deltas. */
const ACTIVATION_COPIES = 3;
/** Values of a list axis tried (a longer list is tried at its first and last values and its extremes). */
const LIST_TRIED = 100_000;

/** Points and inputs of a run's data, from its spec (nothing is generated). */
export function dataShape(data: DataSpecConfig, inputs?: readonly string[]): { n: number; d: number } {
  const shape = ((): { n: number; d: number } => {
    switch (data.kind) {
      case "orthogonal": {
        const n = Array.isArray(data.norms) ? data.norms.length : (data.count ?? 1);
        return { n, d: data.dim ?? n };
      }
      case "features":
        return { n: data.n + (data.nTest ?? data.n), d: data.features.length + data.noiseDims };
      case "blobs":
        return { n: data.n + (data.nTest ?? data.n), d: data.d };
      case "moons":
      case "playground":
        return { n: data.n + (data.nTest ?? data.n), d: 2 };
      case "lms":
        return { n: data.n + data.nTest * (data.randomizedTests ? 3 : 1), d: 1 + data.slabs + data.noise };
      case "two-point-toy":
        return { n: 2, d: 2 };
      case "inline":
        return { n: data.x.length, d: data.x[0]?.length ?? 0 };
      case "file":
        return { n: 0, d: 0 }; // read before the sweep starts (the spec then holds the points inline)
    }
  })();
  return inputs ? { n: shape.n, d: inputs.length } : shape;
}

/**
 * A run's bytes: parameter-sized arrays (optimizer state included), its data, one pass's activations.
 * The one estimate both `learndyn train` (with the shape of the data it loaded) and the sweep memory
 * check (the shape from the spec) use. `shape`: points (train + test) and inputs, when known.
 */
export function runBytes(
  config: RunConfig,
  shape?: { n: number; d: number },
): { params: number; bytes: number } {
  const { n, d } = shape ?? dataShape(config.data, config.inputs);
  const params = layoutOf(toEngineSpecs(config, Math.max(1, d)).model).size;
  const opt = config.optimizer;
  const state = opt.kind === "adam" ? 2 : (opt as { momentum?: number }).momentum ? 1 : 0;
  const rows = Math.min(n, config.train.chunk ?? n);
  const units = config.model.hidden.reduce((a, b) => a + b, 0) + 1;
  const bytes = 8 * (params * (PARAMETER_COPIES + state) + n * (d + 1) + rows * units * ACTIVATION_COPIES);
  return { params, bytes };
}

/**
 * Bytes one run adds to a batch of runs trained together (runTrainingBatch) on top of {@link runBytes}:
 * its slot of the stacked arrays (parameters and gradient, inputs, logits and their deltas, every layer's
 * pre-activations and activations, the two delta buffers of the widest layer), over all its points.
 */
export function batchSlotBytes(config: RunConfig): number {
  const { n, d } = dataShape(config.data, config.inputs);
  const params = layoutOf(toEngineSpecs(config, Math.max(1, d)).model).size;
  const hidden = config.model.hidden;
  const units = hidden.reduce((a, b) => a + b, 0);
  const widest = Math.max(1, ...hidden);
  return 8 * (2 * params + n * d + n * (2 * units + 2) + 2 * n * widest);
}

/** The largest run found: its bytes, parameters and the axis values that give it. */
export interface LargestRun {
  bytes: number;
  params: number;
  /** What each run of a batch of such runs takes: {@link runBytes} plus its {@link batchSlotBytes}. */
  batchedBytes: number;
  /** "axis = value" for every axis (empty without axes). */
  where: string[];
}

/** Value positions of an axis to try: all of a list (up to a bound), the two ends of a range. */
function candidates(plan: SweepPlan, k: number): number[] {
  const axis = plan.spec.axes[k];
  const n = axisLength(axis);
  if (!axis.values) return n > 1 ? [0, n - 1] : [0];
  if (n <= LIST_TRIED) return Array.from({ length: n }, (_, i) => i);
  let lo = 0;
  let hi = 0;
  axis.values.forEach((v, i) => {
    if (typeof v !== "number") return;
    if (v < (axis.values?.[lo] as number)) lo = i;
    if (v > (axis.values?.[hi] as number)) hi = i;
  });
  return [...new Set([0, n - 1, lo, hi])];
}

/** The bytes of the run at these value positions (null when that combination is not a valid config). */
function bytesAt(plan: SweepPlan, at: number[]): Omit<LargestRun, "where"> | null {
  const values = plan.spec.axes.map((axis, k) => axisValueAt(axis, at[k]));
  try {
    const config = pointConfig(plan, { index: 0, key: canonicalJson(values), values }, 0);
    const run = runBytes(config);
    return { ...run, batchedBytes: run.bytes + batchSlotBytes(config) };
  } catch {
    return null; // such a run fails on its own, with its own message
  }
}

/** The sweep's largest run by {@link runBytes}, found without walking the plan (see the module comment). */
export function largestRun(plan: SweepPlan): LargestRun {
  const { axes, combine } = plan.spec;
  let at = axes.map(() => 0);
  let best = bytesAt(plan, at) ?? { params: 0, bytes: 0, batchedBytes: 0 };
  if (combine === "zip" && axes.length > 0) {
    // Zipped axes move together: try the candidate positions of every axis as one position.
    for (const i of new Set(axes.flatMap((_, k) => candidates(plan, k)))) {
      const got = bytesAt(
        plan,
        axes.map(() => i),
      );
      if (got && got.bytes > best.bytes) {
        best = got;
        at = axes.map(() => i);
      }
    }
  } else {
    axes.forEach((_, k) => {
      for (const i of candidates(plan, k)) {
        const trial = [...at];
        trial[k] = i;
        const got = bytesAt(plan, trial);
        if (got && got.bytes > best.bytes) {
          best = got;
          at = trial;
        }
      }
    });
  }
  const where = axes.map((axis, k) => `${axisName(axis)} = ${canonicalJson(axisValueAt(axis, at[k]))}`);
  return { ...best, where };
}

/** V8's largest typed array (2^32 − 1 elements on 64-bit Node 20). */
const MAX_ARRAY = 2 ** 32 - 1;

/**
 * Throws when one run (`learndyn train`) cannot fit in `available` bytes, or a float64 array cannot hold
 * its model: {@link runBytes} with the shape of the data loaded (points over all its sets, inputs).
 */
export function checkRunMemory(config: RunConfig, shape: { n: number; d: number }, available: number): void {
  const { params, bytes } = runBytes(config, shape);
  const gib = (b: number) => (b / 2 ** 30).toFixed(1);
  if (params > MAX_ARRAY || bytes > available) {
    throw new Error(
      `the model has ${params.toLocaleString("en")} parameters: about ${gib(bytes)} GiB for weights, gradients, optimizer state, data and activations, more than this machine's ${gib(available)} GiB; make model.hidden smaller (or the data)`,
    );
  }
}

/**
 * Throws when the sweep's largest run cannot fit in `available` bytes, or when `workers` of them at once
 * cannot (then the message names the worker count that fits). Returns that run (for {@link batchRunsThatFit}).
 */
export function checkSweepMemory(plan: SweepPlan, workers: number, available: number): LargestRun {
  const run = largestRun(plan);
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  const at = run.where.length ? ` at ${run.where.join(", ")}` : "";
  if (run.params > MAX_ARRAY || run.bytes > available) {
    throw new Error(
      `sweep "${plan.spec.name}": its largest run${at} has ${run.params.toLocaleString("en")} parameters and needs about ${gib(run.bytes)} (weights, gradients, optimizer state, data, activations), more than this machine's ${gib(available)}; shrink that axis (smaller model.hidden or data) before running`,
    );
  }
  const parallel = Math.max(1, workers);
  if (run.bytes * parallel > available) {
    const fits = Math.max(1, Math.floor(available / run.bytes));
    throw new Error(
      `sweep "${plan.spec.name}": its largest run${at} needs about ${gib(run.bytes)}, and ${parallel} workers running such runs at once need ${gib(run.bytes * parallel)}, more than this machine's ${gib(available)}; pass --workers ${fits} (or shrink that axis)`,
    );
  }
  return run;
}

/**
 * The most runs per batch (at most `wanted`, at least 1) such that every worker can train a batch of the
 * sweep's largest run at once within `available` bytes: the batched runner holds a whole batch (up to 256
 * runs) per worker, so the one-run check above is not enough. A run that fits alone but not in a batch of
 * `wanted` gets smaller batches (the same results: a batched run is bit for bit the run alone).
 */
export function batchRunsThatFit(
  run: LargestRun,
  workers: number,
  available: number,
  wanted: number,
): number {
  const perWorker = available / Math.max(1, workers);
  return Math.max(1, Math.min(wanted, Math.floor(perWorker / Math.max(1, run.batchedBytes))));
}
