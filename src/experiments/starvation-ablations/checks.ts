/**
 * The ablation checks (GS Fig. 3: "only spectral decoupling removes the near-linear boundary"): every
 * ablation fits; each non-SD ablation's seed-averaged boundary is a line; SD's is markedly more curved than
 * each of theirs. A failing line or SD check of an ablation that fitted is a finding (the measured boundary
 * is the result), not a fault.
 */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { Check } from "../experiment.js";
import { splitSd } from "./ablations.js";
import type { AblationMeasurement, AblationResult } from "./measure.js";
import { FEATURES, type FeatureRun, FIG2_WEIGHT_DECAY } from "./ntk-features.js";
import type { AblationSettings } from "./settings.js";

/** RMS distance from a line below which a boundary is a line: half the data's margin Δ = 0.1. */
export const LINE_RMS = 0.05;

/** The factor called "markedly more curved" (the rule starvation-moons uses for SD vs no SD). */
export const MARKED = 2;

/** SD's boundary RMS measured on the authors' own scripts at 10,000 epochs (issue #15), not a paper number. */
export const PUBLISHED_SD_RMS: readonly [number, number] = [0.28, 0.33];

/** 1/C(2n, n): the chance that n values all exceed n others when all 2n are exchangeable. */
export function separationChance(n: number): number {
  let c = 1;
  for (let k = 1; k <= n; k++) c = (c * (n + k)) / k;
  return 1 / c;
}

const range = (v: readonly number[]) =>
  Math.min(...v) === Math.max(...v) ? fmt(v[0]) : `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}`;
const fitted = (r: AblationResult) => Math.min(...r.runs.map((x) => x.trainAccuracy)) === 1;

function fitCheck(m: AblationMeasurement): Check {
  const worst = m.results.reduce((a, b) =>
    Math.min(...b.runs.map((x) => x.trainAccuracy)) < Math.min(...a.runs.map((x) => x.trainAccuracy)) ? b : a,
  );
  const lowest = Math.min(...worst.runs.map((x) => x.trainAccuracy));
  return {
    prediction: "GS Fig. 3 (fit)",
    statement: "every ablation fits its training set (the boundaries differ, not the training accuracy)",
    predicted: 1,
    measured: lowest,
    tolerance: `lowest training accuracy over ablations and seeds = 1 (lowest: ${worst.ablation.label})`,
    basis:
      "exact: the moons are separable with margin 0.1 and every ablation trains to a small loss, so every training point must be classified; no sampling error enters a training accuracy",
    pass: lowest === 1,
  };
}

function lineCheck(r: AblationResult, s: AblationSettings): Check {
  const pass = r.deviation.rms <= LINE_RMS;
  return {
    prediction: `GS Fig. 3 (${r.ablation.id}: line)`,
    statement: `${r.ablation.label}: the seed-averaged boundary is nearly a straight line (RMS distance of its zero contour from the best-fit line inside the data's box)`,
    predicted: "≈ 0 (a line in the margin)",
    measured: r.deviation.rms,
    tolerance: `≤ ${LINE_RMS} (seeds: ${range(r.seedRms)})`,
    basis:
      "scale of the data: a boundary within half the margin (0.1) of one line is a line for this data; the rule starvation-moons uses, chosen from that scale, not from a sampling error",
    pass,
    ...(!pass && fitted(r)
      ? {
          finding: `at ${s.epochs * r.ablation.epochFactor} epochs ${r.ablation.label} bends the boundary measurably: RMS ${fmt(r.deviation.rms)} from a line (each seed ${range(r.seedRms)}), above ${LINE_RMS}, while fitting every point; their Fig. 3 draws it straight`,
        }
      : {}),
  };
}

function sdCheck(sd: AblationResult, r: AblationResult, s: AblationSettings): Check {
  const ratio = sd.deviation.rms / r.deviation.rms;
  const separated = Math.min(...sd.seedRms) > Math.max(...r.seedRms);
  const chance = separationChance(s.seeds);
  const pass = ratio >= MARKED && separated;
  return {
    prediction: `GS Fig. 3 (SD vs ${r.ablation.id})`,
    statement: `spectral decoupling curves the boundary markedly more than ${r.ablation.label}: RMS distance from a line, SD / ${r.ablation.label}`,
    predicted: `≥ ${MARKED}`,
    measured: ratio,
    tolerance: `ratio ≥ ${MARKED} and every SD seed more curved than every ${r.ablation.label} seed (SD ${range(sd.seedRms)} vs ${range(r.seedRms)})`,
    basis: `chosen: a factor ${MARKED} is the smallest effect called 'markedly' (starvation-moons' rule for SD vs none); the seed condition is a rank test: were the ${2 * s.seeds} per-seed values exchangeable, all ${s.seeds} SD values would exceed the others with chance 1/C(${2 * s.seeds}, ${s.seeds}) = ${fmt(chance)}`,
    pass,
    ...(!pass && fitted(r) && fitted(sd)
      ? {
          finding: `SD's boundary is ${fmt(ratio)}× as far from a line as ${r.ablation.label}'s (${fmt(sd.deviation.rms)} vs ${fmt(r.deviation.rms)}; seeds ${range(sd.seedRms)} vs ${range(r.seedRms)}${separated ? ", fully separated" : ", overlapping"}) at ${s.epochs} epochs: more curved, but not by the factor ${MARKED} called marked`,
        }
      : {}),
  };
}

/** Mean over seeds of z_k/z_1 at the last record, for the second and first of FEATURES (k = 6). */
export function finalRatio(runs: readonly FeatureRun[]): number {
  const last = (r: FeatureRun) => r.responses[r.responses.length - 1];
  return runs.reduce((acc, r) => acc + last(r)[1] / last(r)[0], 0) / runs.length;
}

function featureCheck(m: AblationMeasurement, s: AblationSettings): Check {
  const [none, sd] = m.features.map((f) => finalRatio(f.runs));
  const [k1, k6] = FEATURES;
  return {
    prediction: "GS Fig. 2",
    statement: `SD frees the starved feature: at the end of their Fig. 2 protocol (weight decay ${FIG2_WEIGHT_DECAY}, ${s.ntkEpochs} epochs) the response along NTK eigenvector ${k6} relative to eigenvector ${k1} (z_${k6}/z_${k1}, mean over ${s.ntkSeeds} seed${s.ntkSeeds === 1 ? "" : "s"}), SD vs no SD`,
    predicted: "larger with SD (the starved feature grows)",
    measured: `${fmt(sd)} vs ${fmt(none)}`,
    tolerance: `SD ratio ≥ ${MARKED} × no-SD ratio`,
    basis: `chosen: a factor ${MARKED} is the smallest effect called 'freed' (starvation-moons' rule at 1,000 epochs without weight decay; the paper's figure shows an order of magnitude)`,
    pass: sd >= MARKED * none,
  };
}

/** The checks of an ablation measurement. */
export function ablationChecks(m: AblationMeasurement, s: AblationSettings): Check[] {
  const { sd, others } = splitSd(m.results.map((r) => r.ablation));
  const byId = (id: string) => m.results.find((r) => r.ablation.id === id) as AblationResult;
  const sdResult = byId(sd.id);
  const rest = others.map((a) => byId(a.id));
  const features =
    m.features.length > 0 && m.features.every((f) => f.runs.length > 0) ? [featureCheck(m, s)] : [];
  return [
    fitCheck(m),
    ...rest.map((r) => lineCheck(r, s)),
    ...rest.map((r) => sdCheck(sdResult, r, s)),
    ...features,
  ];
}
