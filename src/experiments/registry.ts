import { c1Experiment } from "./c1-sigmoidal-error/claim.js";
import { c2Experiment } from "./c2-independent-modes/claim.js";
import { c3Experiment } from "./c3-failed-training/claim.js";
import { c4Experiment } from "./c4-input-norm/claim.js";
import { c5Experiment } from "./c5-feature-frequency/claim.js";
import { c6Experiment } from "./c6-ce-vs-hinge/claim.js";
import { c7Experiment } from "./c7-gradient-starvation/claim.js";
import { edgeOfStabilityExperiment } from "./edge-of-stability/claim.js";
import type { Experiment } from "./experiment.js";
import { ganBenchExperiment } from "./gan/claim.js";
import { implicitBiasExperiment } from "./implicit-bias/claim.js";
import { saddleToSaddleExperiment } from "./saddle-to-saddle/claim.js";
import { saxeExperiment } from "./saxe/claim.js";
import { simplicityBiasExperiment } from "./simplicity-bias/claim.js";
import { starvationAblationsExperiment } from "./starvation-ablations/claim.js";
import { starvationCmnistExperiment } from "./starvation-cmnist.js";
import { starvationMoonsExperiment } from "./starvation-moons/claim.js";
import { starvationToyExperiment } from "./starvation-toy/claim.js";

/**
 * The paper's claims C1–C7, in report order: each is a folder of the kit's shape (settings, measure,
 * checks, report, figures, claim), registered here by import (README lists what each checks).
 */
export const EXPERIMENTS: Experiment[] = [
  c1Experiment,
  c2Experiment,
  c3Experiment,
  c4Experiment,
  c5Experiment,
  c6Experiment,
  c7Experiment,
];

/**
 * Extra experiments: follow-up studies on real data, too slow for the default report. They run only when
 * named (`learndyn reproduce starvation-moons`) or with `--all`.
 */
export const EXTRA_EXPERIMENTS: Experiment[] = [
  starvationMoonsExperiment,
  starvationAblationsExperiment,
  starvationCmnistExperiment,
  ganBenchExperiment,
  edgeOfStabilityExperiment,
  saddleToSaddleExperiment,
  starvationToyExperiment,
  simplicityBiasExperiment,
  saxeExperiment,
  implicitBiasExperiment,
];

/**
 * Looks experiments up by id ("c4", "starvation-moons") or claim ("C4", the claim's own experiment); an
 * empty list means the claims' experiments, plus the extra ones with `all`.
 */
export function selectExperiments(names: readonly string[], options: { all?: boolean } = {}): Experiment[] {
  if (names.length === 0) return options.all ? [...EXPERIMENTS, ...EXTRA_EXPERIMENTS] : [...EXPERIMENTS];
  const known = [...EXPERIMENTS, ...EXTRA_EXPERIMENTS];
  return names.map((name) => {
    const key = name.toLowerCase();
    const found = known.find((e) => e.id === key) ?? EXPERIMENTS.find((e) => e.claim.toLowerCase() === key);
    if (!found) {
      throw new Error(
        `unknown experiment "${name}"; known: ${known.map((e) => `${e.id} (${e.claim}: ${e.title})`).join(", ") || "none yet"}`,
      );
    }
    return found;
  });
}
