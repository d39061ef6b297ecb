/** C3's checks: every grid start ends in its predicted region (P7), the final errors (P7), depth recovery (P9). */
import { formatNumber as fmt } from "../../figures/figure.js";
import { type ErrorCurveMeasurement, Z_99 } from "../../kit/measure/error-curves.js";
import { finalErrorPrediction } from "../../theory/failure-regions.js";
import type { Check } from "../experiment.js";
import type { DepthRecoveryMeasurement } from "./depth.js";
import type { C3Measurement } from "./measure.js";
import type { PhaseGridMeasurement } from "./phase-grid.js";
import { C3_BAND } from "./settings.js";

function finalCheck(m: ErrorCurveMeasurement, label: string, predicted: number): Check {
  const tol = Z_99 * Math.sqrt((predicted * (1 - predicted)) / m.count) + 0.002;
  return {
    prediction: "P7",
    statement: `final error with ${label}`,
    predicted,
    measured: m.final,
    tolerance: `|Δ| ≤ ${fmt(tol)}`,
    basis: `sampling: the final error is a binomial proportion of N = ${m.count} random starts, 99% half-width ${Z_99}·√(p(1 − p)/N) at the predicted p; plus 0.002 for points still undecided at t = 8`,
    pass: Math.abs(m.final - predicted) <= tol,
  };
}

function depthCheck(d: DepthRecoveryMeasurement): Check {
  const tol = d.halfWidth + d.undecided;
  return {
    prediction: "P9",
    statement: `depth D = ${d.depth}: a wrong chain recovers with probability 1/D (rule |a_D| < min a_l agrees on ${fmt(100 * d.ruleAgreement)}% of chains)`,
    predicted: d.predicted,
    measured: d.recovered,
    tolerance: `|Δ| ≤ ${fmt(tol)}`,
    basis: `sampling: the recovered fraction is a binomial proportion of N = ${d.count} chains, 99% half-width ${Z_99}·√(p(1 − p)/N) = ${fmt(d.halfWidth)} at p = 1/D; plus the fraction still undecided at the end (${fmt(d.undecided)}), which could go either way`,
    pass: Math.abs(d.recovered - d.predicted) <= tol,
  };
}

/**
 * P9 per chain: the rule |a_D| < min a_l says which chain recovers; every chain decided at the end must
 * follow it (the recovery rate of depthCheck could hold with the rule wrong on many chains).
 */
function ruleCheck(depths: readonly DepthRecoveryMeasurement[]): Check {
  const misses = depths.reduce((s, d) => s + d.ruleMisses, 0);
  const count = depths.reduce((s, d) => s + d.count, 0);
  const undecided = depths.reduce((s, d) => s + Math.round(d.undecided * d.count), 0);
  return {
    prediction: "P9",
    statement: `each wrong chain recovers iff |a_D| < min_{l<D} a_l: chains decided at the end whose fate differs from the rule (D = ${depths.map((d) => d.depth).join(", ")}; agreement ${depths.map((d) => `${fmt(100 * d.ruleAgreement)}%`).join(", ")})`,
    predicted: 0,
    measured: misses,
    tolerance: `0 of ${count - undecided} decided chains`,
    basis: `exact: the rule is the flow's invariant (THEORY.md §4); the ${undecided} chains still at m < 0 at the end are not counted`,
    pass: misses === 0,
  };
}

function gridCheck(g: PhaseGridMeasurement, loss: string): Check {
  return {
    prediction: "P7",
    statement: `${loss}: the simulated fate of each grid start (a, b) is its predicted region (dead / correct / recovers / fails)`,
    predicted: 1,
    measured: g.accuracy,
    tolerance: `all ${g.counted} starts (the ${g.excluded} with |a + b| < ${C3_BAND}, a > 0 > b, left out)`,
    basis: `exact away from the separatrix: the region is set by the flow's invariant a² − b² and the signs; within ${C3_BAND} of a = −b GD's O(η) drift of a² − b² (P2) can carry a start across, so those are left out (the band's width is chosen, not derived)`,
    pass: g.accuracy === 1,
  };
}
/**
 * A dead unit's output is f = 0 exactly: P7's 5/8 counts it as an error, and so must the trainer's own
 * error (engine/loss.ts countErrors, what `learndyn train` prints and sweeps store) — counted at every
 * record against the margins, so a trainer that took f = 0 for correct fails here, not only in a sweep test.
 */
function deadUnitCountCheck(m: ErrorCurveMeasurement): Check {
  return {
    prediction: "P7",
    statement: `a ~ N(0, ε²): the trainer's training error (countErrors) equals the fraction of points with y·f ≤ 0 at every record, the dead units' f = 0 counted as errors (N = ${m.count}) — largest difference`,
    predicted: 0,
    measured: m.trainerMismatch,
    tolerance: "exactly 0",
    basis:
      "exact: both are counts of the same points (an integer over N, no sampling or step-size error); a dead unit (a ≤ 0) outputs exactly 0, and the theory's final error 5/8 counts it as wrong",
    pass: m.trainerMismatch === 0,
  };
}

/** The checks of a C3 measurement. */
export function c3Checks({ ce, hinge, half, gauss, depths }: C3Measurement): Check[] {
  return [
    gridCheck(ce, "cross-entropy"),
    gridCheck(hinge, "hinge"),
    finalCheck(half, "a ~ |N(0, ε²)| (every unit alive)", finalErrorPrediction("halfNormal")),
    finalCheck(gauss, "a ~ N(0, ε²) (dead units count as errors)", finalErrorPrediction("gaussian")),
    deadUnitCountCheck(gauss),
    ...depths.map(depthCheck),
    ruleCheck(depths),
  ];
}
