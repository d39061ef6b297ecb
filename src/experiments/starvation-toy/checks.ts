import { boundCheck, relativeCheck } from "../../kit/checks.js";
import { penaltyName } from "../../theory/starvation-toy.js";
import type { Check } from "../experiment.js";
import type { ToyMeasurement, ToyRun } from "./measure.js";
import type { ToySettings } from "./settings.js";

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * (T1) GD ends at the fixed point of its objective, for every strength and penalty; (T2) under L2 the
 * change of z₂ from the weakest to the strongest feature 1 is the fixed point's (starvation, with its sign
 * and size); (T3) under SD z₂ does not move with Λ₁ (decoupling).
 */
export function toyChecks(m: ToyMeasurement, s: ToySettings): Check[] {
  const checks: Check[] = [];
  const converged = m.runs.map((r) => dist(r.last, r.fixedPoint) / Math.hypot(...r.fixedPoint));
  checks.push(
    boundCheck(
      "T1",
      `GD from θ = 0 (η = ${s.lr}, ${s.steps} steps) ends at the minimiser z* of its objective: worst relative distance over ${m.runs.length} runs (${s.strengths.length} strengths × ${s.penalties.length} penalties)`,
      Math.max(...converged),
      s.tolerance,
      {
        why: `the objective is strongly convex in θ, so GD contracts geometrically at a rate at least η times the penalty's curvature; for L2 that is (1 − ηλ)^steps = ${l2Rate(s).toExponential(1)} of the start`,
      },
    ),
  );
  s.penalties.forEach((p) => {
    const arm = m.runs.filter((r) => r.penalty === p);
    const first = arm[0];
    const last = arm[arm.length - 1];
    const name = penaltyName(p);
    if (p.kind === "l2") {
      const predicted = last.fixedPoint[1] / first.fixedPoint[1];
      checks.push({
        ...relativeCheck(
          "T2",
          `${name}: z₂ at Λ₁ = ${last.strength} over z₂ at Λ₁ = ${first.strength} (starvation: < 1 when the rotation couples the features with s > 0)`,
          predicted,
          last.last[1] / first.last[1],
          10 * s.tolerance,
          "the ratio of two GD end points, each within T1's tolerance of its fixed point",
        ),
        published: {
          value: "a larger Λ₁ suppresses z₂ (no number printed)",
          source: "Pezeshki et al. 2021, Fig. 6 and Figure_6/toy_fig_6.py (via literature.md)",
        },
      });
    } else {
      checks.push(sdCheck(arm, name, s));
    }
  });
  return checks;
}

/** (1 − ηλ)^steps of the first L2 penalty (1 when there is none): the guaranteed shrink of GD's error. */
function l2Rate(s: ToySettings): number {
  const l2 = s.penalties.find((p) => p.kind === "l2");
  return l2 ? (1 - s.lr * l2.lambda) ** s.steps : 1;
}

function sdCheck(arm: ToyRun[], name: string, s: ToySettings): Check {
  const z2 = arm.map((r) => r.last[1]);
  const spread = (Math.max(...z2) - Math.min(...z2)) / Math.abs(z2[0]);
  return boundCheck(
    "T3",
    `${name}: z₂ does not depend on Λ₁ (every margin sits at the cap σ(−m) = c·m): relative spread of GD's z₂ over Λ₁ = ${s.strengths.join(", ")}`,
    spread,
    2 * s.tolerance,
    { why: "two GD end points, each within T1's tolerance of the same fixed point" },
  );
}
