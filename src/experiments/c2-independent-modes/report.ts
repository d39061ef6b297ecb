/** C2's words: where independence stops holding (measured) and the summary paragraphs. */
import { formatNumber as fmt } from "../../figures/figure.js";
import { maxOf } from "../../kit/measure/modes.js";
import type { Limit } from "../experiment.js";
import { type C2Measurement, worst } from "./measure.js";
import type { C2Settings } from "./settings.js";

/** Where the theory stops holding: a linear hidden layer, dense (off-diagonal) init, large learning rates. */
export function c2Limits(m: C2Measurement, s: C2Settings): Limit[] {
  const { indLinear, linearBalanced, lrRows } = m;
  return [
    {
      setting: "linear hidden layer (same points, same diagonal init)",
      deviation:
        `off-diagonal weights grow from 0 to ${fmt(indLinear.offDiagonalMax, 3)} (diagonal ones start at 0.05–0.3); ` +
        `balanced margins deviate from the independent-mode Ei solution by up to ${fmt(worst(linearBalanced), 3)}× (relative), ` +
        `per norm ${linearBalanced.modes.map((m) => `${m.r}: ${fmt(m.maxRelError, 2)}`).join(", ")}`,
    },
    ...m.dense.map(({ delta, result: dense }) => {
      return {
        setting: `dense init: off-diagonal W₁ ~ N(0, ${delta}²) added to the diagonal a0 = ${s.a0}`,
        deviation:
          `max relative deviation of m(t) from the Ei solution ${fmt(worst(dense), 3)} ` +
          `(per norm ${dense.modes.map((m) => `${m.r}: ${fmt(m.maxRelError, 2)}`).join(", ")}): a unit that fires on another ` +
          "point lets the fast (large-norm) modes learn the slow points, so small-norm points escape early",
      };
    }),
    ...s.largeLrs.map((lr) => {
      const row = lrRows.find((x) => x.lr === lr)!.result;
      return {
        setting: `large learning rate η = ${lr}`,
        deviation:
          `max relative error of m(t) vs the Ei solution ${fmt(worst(row), 3)} (first-order bound ${fmt(maxOf(row.modes.map((m) => m.errorBound)), 3)}; ` +
          `${row.run.status === "diverged" ? "diverged" : "did not diverge"})`,
      };
    }),
  ];
}

/** The setting, the theory and what was run. */
export function c2Summary(m: C2Measurement, s: C2Settings): string[] {
  return [
    `Setting: orthogonal points x_k = r_k e_k, a 2-layer bias-free ReLU net with one hidden unit per point, ` +
      `diagonal init W₁ = diag(a), w₂ = b, summed loss (t = η·steps). Unit k is exactly zero on every other point, ` +
      `so the network is n independent two-parameter modes (a_k, b_k) with logit f_k = r_k a_k b_k (THEORY.md §2).`,
    `Theory: a' = y r b σ(−m), b' = y r a σ(−m), so a² − b² is conserved (GD multiplies it by 1 − η²c² per step: ` +
      `drift −η(a0² − b0²)∫c² dt). A balanced start a0 = b0 has m' = 2rmσ(−m), solved by ` +
      `t(m) = [ln(m/m0) + Ei(m) − Ei(m0)]/(2r); late phase m ≈ ln(2rt) + ln ln(2rt).`,
    `Run: ${s.norms.length} balanced modes a0 = b0 = ${s.a0}, ‖x‖ ∈ {${s.norms.join(", ")}}, CE, η = ${s.lr} up to t = ${s.tSwitch}, ` +
      `then η ×10 per decade of time up to t = ${fmt(s.tEnd)} (log-time stepping keeps η·c small); ` +
      `${m.mixedCount} mixed starts (both labels, unbalanced, a wrong-sign start, a dead unit) under CE, hinge and with a ` +
      `linear hidden layer; drift at η ∈ {${s.driftLrs.join(", ")}} over t ≤ ${s.driftT}. ` +
      `Tolerances are the first-order GD error η∫c² dt computed along the flow, so they shrink with η. ` +
      "The configs listed are the first, constant-η stage of each run; each later stage restarts from the previous " +
      "stage's final weights (explicit init) with a 10× larger η.",
  ];
}
