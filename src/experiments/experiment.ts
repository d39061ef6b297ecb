import type { Figure } from "../figures/figure.js";
import type { ExperimentIo } from "./experiment-io.js";

/**
 * The claims of the paper (THEORY.md) plus follow-up studies (G1: the GAN claim of issue 6, hinge + Adam
 * vs CE); a claim of your own may use any short label.
 */
export type ClaimId = "C1" | "C2" | "C3" | "C4" | "C5" | "C6" | "C7" | "G1" | (string & {});

/** How big a run: "default" finishes in well under a minute; "full" is the paper-grade version. */
export type Scale = "default" | "full";

/** One prediction checked against a measurement. */
export interface Check {
  /** Prediction id from THEORY.md (P1–P14), or a short label. */
  prediction: string;
  /** What is predicted, in words with the formula, e.g. "flip time ∝ 1/‖x‖: log-log slope −1". */
  statement: string;
  /** Predicted value (number) or description. */
  predicted: number | string;
  /** Measured value (number) or description. */
  measured: number | string;
  /** The tolerance the verdict used, in words, e.g. "|Δ| ≤ 0.05". */
  tolerance: string;
  /**
   * How the tolerance was derived, with its numbers: the sampling error (e.g. "KS 99%: 1.63/√N, N = 2000"),
   * the discretisation error of the step size (e.g. "GD error O(η): 2·η·c = 0.04"), or rounding. The report
   * shows it beside the tolerance, so a reader can judge whether the verdict could have gone the other way.
   * Required: validateOutput rejects a check without one (a tolerance nobody derived says "chosen: …").
   */
  basis: string;
  /** Whether measured agrees with predicted within tolerance. */
  pass: boolean;
  /**
   * Set on a failing check whose failure is a result, not a fault: the prediction does not hold in the
   * setting measured, and this says so with the numbers (e.g. spectral decoupling does not un-starve B on
   * the synthetic data). The report marks it as a finding; `reproduce --strict` does not fail on it
   * (`--strict-findings` does). Absent on passing checks and on failures nobody has explained.
   */
  finding?: string;
  /**
   * The paper's own number (or words, where it prints none) for what this check measures, shown beside
   * ours as a quotation with its source (paper, figure/table, and how it was read). Never part of the
   * verdict unless `predicted` is it too.
   */
  published?: Published;
}

/** A value quoted from a paper, with where it was read. */
export interface Published {
  /** The published value: a number, or the paper's words where it prints no number. */
  value: number | string;
  /** Where it is from, e.g. "Pezeshki et al. 2021, Table 1 (10 restarts)". */
  source: string;
}

/** A measured deviation where the theory is expected to stop holding (not a pass/fail check). */
export interface Limit {
  /** What was changed, e.g. "init scale ε = 0.5". */
  setting: string;
  /** The deviation measured, in words with numbers. */
  deviation: string;
}

/** A figure produced by an experiment, with the words that go under it. */
export interface ExperimentFigure {
  /** File-safe name, unique within the experiment, e.g. "error-vs-time". */
  name: string;
  /** Caption: what is plotted and what to look for. */
  caption: string;
  figure: Figure;
}

/** Everything an experiment reports: plain data, so it crosses worker threads and becomes a report. */
export interface ExperimentResult {
  id: string;
  claim: ClaimId;
  title: string;
  /** One or two paragraphs: the setting, the theory, what was run. */
  summary: string[];
  checks: Check[];
  limits: Limit[];
  figures: ExperimentFigure[];
  /** The configs actually run (or a representative one), so a reader can rerun them with `learndyn train`. */
  configs: Record<string, unknown>;
  scale: Scale;
  seed: number;
  seconds: number;
  /**
   * Set when the experiment threw instead of reporting: the error's message (checks, figures and limits
   * are then empty). `reproduce` shows it as an error row, still writes the report, and exits with 5.
   */
  error?: string;
}

export interface ExperimentOptions {
  /** Run size. */
  scale: Scale;
  /** Master seed; each run derives its own from it. */
  seed: number;
  /** Files, checkpoints and progress output, for experiments that need them (the CLI gives Node ones). */
  io?: ExperimentIo;
}

/** One claim made runnable: a default config, a run, a comparison to theory, a verdict and figures. */
export interface Experiment {
  /** Command-line name, e.g. "c1" (also accepts the claim id). */
  id: string;
  claim: ClaimId;
  title: string;
  /** The prediction ids it checks. */
  predictions: string[];
  run(options: ExperimentOptions): ExperimentResult;
}

/** True when the check failed and the failure is not an explained finding: a fault to look into. */
export function isUnexpectedFailure(check: Pick<Check, "pass" | "finding">): boolean {
  return !check.pass && !check.finding;
}

/** True when every check passed (false for an experiment that reported an error). */
export function verdict(result: Pick<ExperimentResult, "checks" | "error">): boolean {
  return result.error === undefined && result.checks.length > 0 && result.checks.every((c) => c.pass);
}
