import { c1Experiment } from "./c1-sigmoidal-error.js";
import { c2Experiment } from "./c2-independent-modes.js";
import { c3Experiment } from "./c3-failed-training.js";
import { c4Experiment } from "./c4-input-norm.js";
import { c5Experiment } from "./c5-feature-frequency.js";
import { c6Experiment } from "./c6-ce-vs-hinge.js";
import { c7Experiment } from "./c7-gradient-starvation.js";
import type { Experiment } from "./experiment.js";

/**
 * Every experiment `learndyn reproduce` knows, in report order. Experiments register here by import;
 * the list is filled as claims land (see README for what each checks).
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

/** Looks experiments up by id ("c4") or claim ("C4"); an empty list means all. */
export function selectExperiments(names: readonly string[]): Experiment[] {
  if (names.length === 0) return [...EXPERIMENTS];
  return names.map((name) => {
    const key = name.toLowerCase();
    const found = EXPERIMENTS.find((e) => e.id === key || e.claim.toLowerCase() === key);
    if (!found) {
      throw new Error(
        `unknown experiment "${name}"; known: ${EXPERIMENTS.map((e) => `${e.id} (${e.claim}: ${e.title})`).join(", ") || "none yet"}`,
      );
    }
    return found;
  });
}
