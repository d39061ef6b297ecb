/** The edge-of-stability study's words: the setting, the prediction, what was run, where it applies. */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { Limit } from "../experiment.js";
import { flowEndRatio } from "./checks.js";
import type { EosMeasurement, EosRun } from "./measure.js";
import type { EosSettings } from "./settings.js";

const f3 = (v: number) => v.toFixed(3);

export function eosSummary(m: EosMeasurement, s: EosSettings): string[] {
  const runs = m.cases.map(
    (cr, i) =>
      `${cr.name}: λ_max at init ${fmt(cr.lambda0)}, 2/η = ${s.cases[i].factors.join(", ")} × λ_max(init) ` +
      `(η = ${cr.runs.map((r) => r.eta.toPrecision(3)).join(", ")}), flow time ${s.cases[i].time}, λ_max every ` +
      `${s.cases[i].every} steps`,
  );
  return [
    `Setting (Cohen et al., ICLR 2021, "Gradient descent on neural networks typically occurs at the edge of stability", ` +
      `github.com/locuslab/edge-of-stability): full-batch gradient descent in float64 on three workloads. Two are ` +
      `theirs: chebyshev-5-20 (20 points evenly spaced on [−1, 1] labelled by T_5, a tanh net 1→100→1 with biases and ` +
      `PyTorch's default init) and linear-50-50 (a bias-free linear net of 20 layers 50 × 50, Xavier-normal init, on ` +
      `50 points X = √50·Q with targets X Aᵀ), both under ½·Σ‖f − y‖²/n. The third is this paper's own: a bias-free ` +
      `ReLU net 10→100→1 under cross-entropy summed over the points, on 200 Gaussian points with random labels ±1 ` +
      `(not linearly separable, so the net memorizes and sharpens; on two moons CE's λ_max only falls from init).`,
    `Prediction: under gradient flow the sharpness λ_max (top Hessian eigenvalue, by Lanczos on exact Hessian-vector ` +
      `products) rises (progressive sharpening); gradient descent with step η follows the flow until λ_max reaches 2/η, ` +
      `the stability limit of a quadratic, then leaves it: λ_max stays at 2/η while the loss keeps falling ` +
      `non-monotonically. Under cross-entropy λ_max falls again later, as the loss → 0 (Cohen et al. §3.2), so the ` +
      `band is checked on the records after the crossing while the loss is above a stated fraction of its value there. ` +
      `The theory of the paper this lab reproduces is gradient flow, so this is where it stops describing GD.`,
    `Run: ${runs.join("; ")}. The gradient-flow shadow is the ODE θ' = −∇L (classical Runge–Kutta, fixed step η/2) on the same ` +
      `net from the same init, reported at GD's record times up to ${s.cases.map((c) => c.shadow).join(", ")} time ` +
      `units past GD's crossing; GD departs from it where ‖θ_GD − θ_GF‖ first exceeds the stated fraction of ‖θ_GF − θ₀‖.`,
  ];
}

/** The post-crossing range of λ_max·η/2, in words. */
function afterCrossing(r: EosRun): string {
  const after = r.sharpness.slice(r.crossing).map((l) => (l * r.eta) / 2);
  const dep =
    r.departure < 0
      ? "GD never left the flow by the threshold in the shadow"
      : `GD left the flow at t = ${r.t[r.departure].toPrecision(4)}`;
  return (
    `crossed 2/η at t = ${r.t[r.crossing].toPrecision(4)}; ${dep}; λ_max·η/2 in the edge window median ` +
    `${f3(r.medianRatio)} (quartiles ${f3(r.windowQuartiles[0])}–${f3(r.windowQuartiles[1])}), over all records ` +
    `after the crossing median ${f3(r.medianAllAfter)}, range ${f3(Math.min(...after))}–${f3(Math.max(...after))}, ` +
    `last ${f3(after[after.length - 1])}; the flow shadow reached ${Number.isFinite(flowEndRatio(r)) ? f3(flowEndRatio(r)) : "–"}`
  );
}

/** Per workload and η: what was measured; then where the study applies. */
export function eosLimits(m: EosMeasurement, s: EosSettings): Limit[] {
  const perRun = m.cases.flatMap((cr) =>
    cr.runs.map((r) => ({
      setting: `${cr.name}, η = ${r.eta.toPrecision(3)} (2/η = ${(2 / r.eta).toPrecision(3)})`,
      deviation: r.crossing < 0 ? "λ_max never reached 2/η in the time run" : afterCrossing(r),
    })),
  );
  const factors = s.cases.flatMap((c) => c.factors);
  return [
    ...perRun,
    {
      setting: "where this applies",
      deviation:
        `full-batch GD only (no SGD, momentum or Adam), one seed per workload, step sizes with 2/η between ` +
        `${Math.min(...factors)} and ${Math.max(...factors)} × λ_max(init) (GD starts stable and sharpens into the edge); ` +
        `a step with 2/η below λ_max(init) starts unstable and is not run. The band is checked over the flow time ` +
        `run, not to convergence; λ_max is sampled every few steps, so the period-2 oscillation inside is not resolved.`,
    },
  ];
}
