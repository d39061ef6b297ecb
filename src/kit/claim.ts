/**
 * The experiment kit's core: a claim is declared as its settings per scale and four small pieces —
 * measure (the runs), checks (prediction vs measurement), limits and figures — and `defineClaim` turns
 * it into an `Experiment` that `learndyn reproduce` runs, times and reports like the built-in claims.
 */

import type {
  Check,
  ClaimId,
  Experiment,
  ExperimentFigure,
  ExperimentOptions,
  ExperimentResult,
  Limit,
  Scale,
} from "../experiments/experiment.js";
import type { ExperimentIo } from "../experiments/experiment-io.js";
import { validateOutput } from "./validate.js";

/** What every piece of a claim is handed: its settings for this run, the seed, and the services. */
export interface ClaimContext<S> {
  /** The settings of this run: `settings[scale]` of the claim, or the ones given to `runWith`. */
  settings: S;
  /** The run size asked for ("default" or "full"). */
  scale: Scale;
  /** Master seed; derive every run's seed from it so that a report is reproducible. */
  seed: number;
  /** Files, checkpoints, progress (the CLI gives Node ones; empty in tests unless given). */
  io: ExperimentIo;
}

/** A claim written with the kit: plain data and pure functions of (measurement, context). */
export interface ClaimSpec<S, M> {
  /** File-safe command-line name, unique among the claims of a report, e.g. "c4" or "norm-halves-flip". */
  id: string;
  /** Claim label shown in the report, e.g. "C4" (a built-in claim) or any short label of your own. */
  claim: ClaimId;
  /** A few words for the report's headings, e.g. "Input norm sets the speed". */
  title: string;
  /** The prediction ids its checks test (e.g. ["P3"]); shown in `reproduce --help`. */
  predictions: string[];
  /** The sizes and parameters of a run, per scale: "default" finishes in seconds, "full" is paper-grade. */
  settings: Record<Scale, S>;
  /** Runs the simulations and returns every number the other pieces need (the only piece that trains). */
  measure(ctx: ClaimContext<S>): M;
  /** The verdicts: one check per prediction tested (use the kit's builders: relativeCheck, boundCheck, …). */
  checks(m: M, ctx: ClaimContext<S>): Check[];
  /** Paragraphs for the report: the setting, the theory, what was run. */
  summary(m: M, ctx: ClaimContext<S>): string[];
  /** Measured deviations where the theory is expected to stop holding (optional). */
  limits?(m: M, ctx: ClaimContext<S>): Limit[];
  /** Figures with captions (optional). */
  figures?(m: M, ctx: ClaimContext<S>): ExperimentFigure[];
  /** The run configs a reader can rerun with `learndyn train`, by name (optional). */
  configs?(m: M, ctx: ClaimContext<S>): Record<string, unknown>;
}

/** An experiment made by `defineClaim`: runnable at a scale, or with settings of your own (tests). */
export interface Claim<S> extends Experiment {
  /** The claim's settings per scale. */
  settings: Record<Scale, S>;
  /** Runs with explicit settings, e.g. a reduced size in a unit test. */
  runWith(settings: S, options?: Partial<ExperimentOptions>): ExperimentResult;
}

/** Turns a claim's pieces into an experiment: runs measure → checks → limits → figures, timed, validated. */
export function defineClaim<S, M>(spec: ClaimSpec<S, M>): Claim<S> {
  const runWith = (settings: S, options: Partial<ExperimentOptions> = {}): ExperimentResult => {
    const scale = options.scale ?? "default";
    const ctx: ClaimContext<S> = { settings, scale, seed: options.seed ?? 0, io: options.io ?? {} };
    const started = performance.now();
    const m = spec.measure(ctx);
    const output = {
      summary: spec.summary(m, ctx),
      checks: spec.checks(m, ctx),
      limits: spec.limits?.(m, ctx) ?? [],
      figures: spec.figures?.(m, ctx) ?? [],
      configs: spec.configs?.(m, ctx) ?? {},
    };
    validateOutput(output, spec.id);
    return {
      id: spec.id,
      claim: spec.claim,
      title: spec.title,
      ...output,
      scale,
      seed: ctx.seed,
      seconds: (performance.now() - started) / 1000,
    };
  };
  return {
    id: spec.id,
    claim: spec.claim,
    title: spec.title,
    predictions: spec.predictions,
    settings: spec.settings,
    runWith,
    run: (options) => runWith(spec.settings[options.scale], options),
  };
}
