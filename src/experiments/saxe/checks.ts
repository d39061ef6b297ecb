import { absoluteCheck, boundCheck, relativeCheck } from "../../kit/checks.js";
import { logLogSlope } from "../../math/fit.js";
import type { Check } from "../experiment.js";
import type { ModeRun, SaxeMeasurement } from "./measure.js";
import type { SaxeSettings } from "./settings.js";

const f3 = (v: number) => v.toPrecision(3);

/** GD with step η is the flow's Euler scheme: the mode's time error is O(η s) relative. */
const timeTol = (s: SaxeSettings, sv: number) => 1.5 * s.lr * sv + 0.003;
const timeWhy = (s: SaxeSettings, sv: number) =>
  `Euler's error on u' = D u^{2−2/D}(s − u): relative O(η·s) = ${f3(s.lr * sv)} (×1.5), plus 0.003 for interpolating the crossing between records ${s.every} steps apart`;

function halfTimeChecks(r: ModeRun, s: SaxeSettings, what: (a: number) => string): Check[] {
  return r.s.map((sv, a) =>
    relativeCheck(
      "P14",
      `${r.label}: ${what(a)} reaches s/2 at the theory's time ∫ du/(D u^{2−2/D}(s − u)) from u0 = ${f3(r.u0[a])}`,
      r.halfPredicted[a],
      r.halfMeasured[a],
      timeTol(s, sv),
      timeWhy(s, sv),
    ),
  );
}

/** sup over records and modes of |u − u_theory|/s. */
export function supError(r: ModeRun): number {
  let sup = 0;
  r.strengths.forEach((y, a) => {
    for (let i = 0; i < y.length; i++) {
      const th = r.theory[a][i];
      if (!Number.isNaN(th)) sup = Math.max(sup, Math.abs(y[i] - th) / r.s[a]);
    }
  });
  return sup;
}

/** Coarse to fine: stage times strictly increasing down the levels. */
const ordered = (t: number[]) => t.every((v, i) => i === 0 || v > t[i - 1]);

export function saxeChecks(m: SaxeMeasurement, s: SaxeSettings): Check[] {
  const checks: Check[] = [];
  const smax = Math.max(...s.singularValues);
  for (const r of m.decoupled) {
    checks.push(...halfTimeChecks(r, s, (a) => `mode s = ${f3(r.s[a])}`));
    checks.push(
      boundCheck(
        "P14",
        `${r.label}: every mode's strength u(t) follows the theory's sigmoid (sup |u − u_th|/s over time)`,
        supError(r),
        r.depth * s.lr * smax,
        {
          why: `the O(η s) time error times the sigmoid's steepest slope (∝ D): bound D·η·s_max = ${f3(r.depth * s.lr * smax)}`,
        },
      ),
    );
    const slopeTh = logLogSlope(r.s, r.halfPredicted);
    checks.push(
      absoluteCheck(
        "P14",
        `${r.label}: learning time ∝ 1/s — log-log slope of t½ against s over the modes (the theory's, −1 up to its logarithm)`,
        slopeTh,
        logLogSlope(r.s, r.halfMeasured),
        0.03,
        "slope of times each within the Euler tolerance above: ≤ 2·(1.5 η s_max)/ln(s_max/s_min) ≈ 0.03",
      ),
    );
  }
  const d2 = m.decoupled.find((r) => r.depth === 2);
  if (d2) {
    // t½ = (τ/2s) ln(s/u0 − 1) at f = ½: the prefactor τ/2 (τ = 1 in units of η·step).
    const pref = d2.s.map((sv, a) => (d2.halfMeasured[a] * sv) / Math.log(sv / d2.u0[a] - 1));
    checks.push(
      absoluteCheck(
        "P14",
        "D = 2: prefactor of the learning time, t½·s/ln(s/u0 − 1) = τ/2 (mean over modes; τ = 1 with t = η·step)",
        0.5,
        pref.reduce((a, b) => a + b, 0) / pref.length,
        0.5 * (1.5 * s.lr * smax + 0.003),
        "the relative time tolerance at s_max, times ½",
      ),
    );
    for (const r of m.decoupled.filter((q) => q.depth > 2)) {
      const a = r.s.length - 1;
      checks.push(
        relativeCheck(
          "P14",
          `depth: t½(D = ${r.depth})/t½(D = 2) for the weakest mode s = ${f3(r.s[a])} at the same per-layer scale a0 = ${s.a0} (deeper starts smaller: u0 = a0^D)`,
          r.halfPredicted[a] / d2.halfPredicted[a],
          r.halfMeasured[a] / d2.halfMeasured[a],
          2 * timeTol(s, smax),
          "two times, each within the Euler tolerance",
        ),
      );
    }
  }
  const tr = m.tree;
  checks.push(
    ...halfTimeChecks(
      tr.decoupled,
      s,
      (a) => `tree level ${a} (s = ${f3(tr.levelValues[a])}, ${tr.multiplicity[a]} modes)`,
    ),
  );
  for (const r of [tr.decoupled, tr.random])
    checks.push({
      prediction: "P14",
      statement: `${r.label}: learned coarse to fine — the stage times (level strength reaches s/2) increase from the root split to the leaves`,
      predicted: "strictly increasing",
      measured: r.halfMeasured.map(f3).join(" < "),
      tolerance: "exact order",
      basis: "the levels' singular values decrease strictly, so their learning times ∝ 1/s increase",
      pass: ordered(r.halfMeasured),
    });
  const reluSup = Math.max(
    ...m.relu.map((c) => Math.max(...c.margin.map((v, i) => Math.abs(v - c.theory[i]) / c.theory[i]))),
  );
  checks.push(
    boundCheck(
      "P5",
      "ReLU contrast (the paper's C1/C2 mode, CE): GD's margin follows marginAtTime, t = [ln(m/m0) + Ei(m) − Ei(m0)]/(2r)",
      reluSup,
      2 * s.lr * smax,
      { why: `Euler's relative error O(η r): 2·η·r_max = ${f3(2 * s.lr * smax)}` },
    ),
  );
  return checks;
}
