/** C2's checks: P1 (off-diagonal weights stay 0), P2 (a² − b² drifts at first order in η), P5 (Ei solution). */
import { formatNumber as fmt } from "../../figures/figure.js";
import { lateCheck } from "../../kit/late-phase-check.js";
import { elementSeries, firstCrossing } from "../../kit/measure/history-series.js";
import { maxOf } from "../../kit/measure/modes.js";
import { sigmoid } from "../../math/logistic.js";
import { timeToMargin } from "../../theory/balanced-ei.js";
import type { Check } from "../experiment.js";
import { type C2Measurement, worst } from "./measure.js";
import type { C2Settings } from "./settings.js";

/** P1 and P2: exact independence under both losses, and the first-order drift of a² − b². */
function independenceChecks({ indCE, indHinge, driftCE, driftHinge }: C2Measurement, s: C2Settings): Check[] {
  return [
    {
      prediction: "P1",
      statement:
        "ReLU + orthogonal inputs + diagonal init, cross-entropy: off-diagonal W₁ stays exactly 0 over the run",
      predicted: 0,
      measured: indCE.offDiagonalMax,
      tolerance: "exactly 0 (no tolerance)",
      basis:
        "exact: an off-diagonal weight's gradient is a product with relu′(0) = 0 (the unit is off on the other points), so GD adds exactly 0 to it; any nonzero value is a fault",
      pass: indCE.offDiagonalMax === 0,
    },
    {
      prediction: "P1",
      statement: "the same under hinge loss",
      predicted: 0,
      measured: indHinge.offDiagonalMax,
      tolerance: "exactly 0 (no tolerance)",
      basis:
        "exact, as under cross-entropy: the hinge gradient of an off-diagonal weight also carries relu′(0) = 0",
      pass: indHinge.offDiagonalMax === 0,
    },
    ...[
      { loss: "cross-entropy", d: driftCE },
      { loss: "hinge", d: driftHinge },
    ].flatMap(({ loss, d }) => {
      const smallest = d.points.reduce((p, q) => (q.lr < p.lr ? q : p));
      const rel = Math.abs(smallest.drift - smallest.predicted) / smallest.predicted;
      return [
        {
          prediction: "P2",
          statement: `${loss}: drift of a² − b² is O(η): log–log slope of max drift vs η = 1 (η ∈ {${s.driftLrs.join(", ")}})`,
          predicted: 1,
          measured: d.slope,
          tolerance: "|slope − 1| ≤ 0.05",
          basis: `discretisation: the drift is c₁η + c₂η², so the slope over η ∈ [${Math.min(...s.driftLrs)}, ${Math.max(...s.driftLrs)}] is 1 + O(ηc); the bound ηc ≤ 0.16 at the largest η would allow up to ≈ 0.08, the 0.05 is chosen inside it and holds with the measured second order`,
          pass: Math.abs(d.slope - 1) <= 0.05,
        },
        {
          prediction: "P2",
          statement: `${loss}: drift at η = ${smallest.lr} equals the first-order prediction η(a0² − b0²)∫c² dt`,
          predicted: smallest.predicted,
          measured: smallest.drift,
          tolerance: `relative error ≤ 0.05 (measured ${fmt(rel, 2)})`,
          basis: `discretisation: the first-order prediction misses the O(η²) term, relative size O(ηc) ≤ 0.16·${smallest.lr}/${Math.max(...s.driftLrs)} = ${fmt((0.16 * smallest.lr) / Math.max(...s.driftLrs), 2)} at η = ${smallest.lr}; ≤ 0.05 is that, rounded up`,
          pass: rel <= 0.05,
        },
      ];
    }),
  ];
}

/** P5: balanced modes follow the Ei solution, reach m = 1 on time, with a first-order GD error and late phase. */
function eiChecks({ lrRows, ref }: C2Measurement, s: C2Settings): Check[] {
  const small = [...s.driftLrs].sort((x, y) => x - y);
  const e1 = worst(lrRows.find((row) => row.lr === small[0])!.result);
  const e2 = worst(lrRows.find((row) => row.lr === small[1])!.result);

  // Time to m = 1 of the r closest to 1 (THEORY.md example: r = 1, a0 = 0.1 → 5.259).
  const kOne = s.norms.reduce(
    (best, r, k) => (Math.abs(Math.log(r)) < Math.abs(Math.log(s.norms[best])) ? k : best),
    0,
  );
  const rOne = s.norms[kOne];
  const m0One = rOne * s.a0 * s.a0;
  const tOnePredicted = timeToMargin(1, m0One, rOne);
  const tOneMeasured = firstCrossing(elementSeries(ref.run.history, "margin", kOne), 1);
  // GD lag in ln m ≤ bound → lag in time ≤ bound / (d ln m/dt at m = 1) = bound / (2 r σ(−1)).
  const tOneTol = ref.modes[kOne].errorBound / (2 * rOne * sigmoid(-1));

  return [
    {
      prediction: "P5",
      statement: `balanced CE modes (a0 = b0 = ${s.a0}, ‖x‖ ∈ {${s.norms.join(", ")}}): m(t) follows the Ei solution; max relative error over t ≤ ${fmt(s.tEnd)} and modes`,
      predicted: 0,
      measured: worst(ref),
      tolerance: `each mode within its first-order GD lag η∫c² dt (largest ${fmt(maxOf(ref.modes.map((m) => m.errorBound)), 3)} at η = ${s.lr})`,
      basis:
        "discretisation: a GD step on a balanced mode differs from the flow by ½η²(…) per step, which adds up to a relative lag in m of at most η∫c² dt along the run (c = rσ(−m), staged η); computed per mode from the run's own schedule",
      pass: ref.modes.every((m) => m.maxRelError <= m.errorBound),
    },
    {
      prediction: "P5",
      statement: `time for the r = ${rOne}, a0 = b0 = ${s.a0} mode to reach m = 1: (1/(2r))[ln(1/m0) + Ei(1) − Ei(m0)]`,
      predicted: tOnePredicted,
      measured: tOneMeasured,
      tolerance: `|Δt| ≤ ${fmt(tOneTol, 3)}`,
      basis: `discretisation: the mode's GD lag bound η∫c² dt in ln m (${fmt(ref.modes[kOne].errorBound, 3)}), turned into time by the flow's speed d ln m/dt = 2rσ(−1) at m = 1; the step grid adds at most η = ${s.lr}`,
      pass: Math.abs(tOneMeasured - tOnePredicted) <= tOneTol,
    },
    {
      prediction: "P5",
      statement: `the GD error is first order: error(η = ${small[1]}) / error(η = ${small[0]}) = ${fmt(small[1] / small[0])}`,
      predicted: small[1] / small[0],
      measured: e2 / e1,
      tolerance: "relative error ≤ 0.1",
      basis: `discretisation: the error is c₁η + O(η²), so its ratio at η = ${small[1]} and ${small[0]} is ${fmt(small[1] / small[0])}·(1 + O(ηc)); with ηc ≤ 0.16 at the largest drift step the O(η) correction at these steps is ≤ 0.08, rounded up to 0.1`,
      pass: Math.abs(e2 / e1 - small[1] / small[0]) <= 0.1 * (small[1] / small[0]),
    },
    lateCheck(
      "P5",
      ref.modes.map((m) => ({ r: m.r, measured: m.finalMargin, predicted: m.lateAsymptote })),
      s.tEnd,
    ),
  ];
}

/** The checks of a C2 measurement. */
export function c2Checks(m: C2Measurement, s: C2Settings): Check[] {
  return [...independenceChecks(m, s), ...eiChecks(m, s)];
}
