import type { RunConfig } from "../../config/run-config.js";
import type { LossSpec } from "../../engine/loss.js";
import { setSlot } from "./stacked-mlp.js";

/**
 * The batched trainer's fast path for the steps between records, where most of a small run's steps are:
 * a cross-entropy run with no loss or error target, no record due and no end reached only needs ∂L/∂f and
 * the divergence bound (ceGradientAndBound). Here that is computed for all such runs in one pass over the
 * stacked logits, with the same scalar operations in the same order per run, so the bits are those of the
 * per-run control step; a run whose bound fails, or any other step, goes through the per-run path.
 */
export interface QuietSteps {
  /** Runs (stacked). */
  readonly runs: number;
  /** Points per run. */
  readonly n: number;
  /** 1 for a run that may take the fast path (CE loss, no loss/error target). */
  readonly eligible: Uint8Array;
  /** 1/n for "mean", 1 for "sum". */
  readonly scale: Float64Array;
  readonly divergeAbove: Float64Array;
  /** Spectral decoupling λ per run. */
  readonly sd: Float64Array;
  /** Labels, [i·B + r]. */
  readonly y: Float64Array;
  /** The step of each run's next record (Infinity when none is left); the caller keeps it current. */
  readonly nextDue: Float64Array;
  /** Each run's train.steps (its finish step). */
  readonly steps: Float64Array;
  /** Set by markQuiet: 1 for the runs this step's fast pass serves. */
  readonly fast: Uint8Array;
  /** The divergence bound of each fast run at this step (bound × scale, as ceGradientAndBound returns). */
  readonly bounds: Float64Array;
}

/** The fast path's constants for runs with these configs, losses and labels (each n long). */
export function quietSteps(
  configs: readonly RunConfig[],
  losses: readonly LossSpec[],
  labels: readonly Float64Array[],
  n: number,
): QuietSteps {
  const B = configs.length;
  const y = new Float64Array(n * B);
  for (let r = 0; r < B; r++) setSlot(y, B, r, labels[r].subarray(0, n));
  return {
    runs: B,
    n,
    eligible: Uint8Array.from(configs, (c, r) =>
      losses[r].kind === "ce" && c.train.stop.targetLoss === null && c.train.stop.targetError === null
        ? 1
        : 0,
    ),
    scale: Float64Array.from(losses, (l) => (l.reduction === "mean" ? 1 / n : 1)),
    divergeAbove: Float64Array.from(configs, (c) => c.train.stop.divergeAbove),
    sd: Float64Array.from(configs, (c) => c.regularization.spectralDecoupling),
    y,
    nextDue: new Float64Array(B).fill(Number.POSITIVE_INFINITY),
    steps: Float64Array.from(configs, (c) => c.train.steps),
    fast: new Uint8Array(B),
    bounds: new Float64Array(B),
  };
}

/**
 * Marks the live runs this step's fast pass serves, computes their ∂L/∂f into the stacked `dLogits` and
 * their bounds, and adds spectral decoupling for those whose bound passed. Afterwards `fast[r]` is 1 exactly
 * for the runs whose step is complete (the caller skips them); a run whose bound failed is left for the
 * per-run path, which computes the same gradient again and then the loss.
 */
export function quietPass(
  q: QuietSteps,
  live: Uint8Array,
  step: number,
  logits: Float64Array,
  dLogits: Float64Array,
): void {
  const { runs: B, n, eligible, scale, y, fast, bounds } = q;
  let any = 0;
  for (let r = 0; r < B; r++) {
    const f = live[r] & eligible[r] & (step < q.steps[r] && q.nextDue[r] !== step ? 1 : 0);
    fast[r] = f;
    bounds[r] = 0;
    any |= f;
  }
  if (!any) return;
  // ceGradientAndBound, run by run innermost: per run the same sums in the same point order.
  for (let i = 0; i < n; i++) {
    const o = i * B;
    for (let r = 0; r < B; r++) {
      if (!fast[r]) continue;
      const yi = y[o + r];
      const m = yi * logits[o + r];
      let sig: number;
      if (m >= 0) {
        const e = Math.exp(-m);
        bounds[r] += e;
        sig = e / (1 + e);
      } else {
        const e = Math.exp(m);
        bounds[r] += -m + e;
        sig = 1 / (1 + e);
      }
      dLogits[o + r] = scale[r] * (-yi * sig);
    }
  }
  for (let r = 0; r < B; r++) {
    if (!fast[r]) continue;
    if (!(bounds[r] * scale[r] <= q.divergeAbove[r])) {
      fast[r] = 0;
      continue;
    }
    const sd = q.sd[r];
    if (sd > 0) for (let i = 0; i < n; i++) dLogits[i * B + r] += (sd * logits[i * B + r]) / n;
  }
}
