/** The edge-of-stability study's words: the setting, the prediction, what was run. */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { EosMeasurement } from "./measure.js";
import type { EosSettings } from "./settings.js";

export function eosSummary(m: EosMeasurement, s: EosSettings): string[] {
  const w = s.workload;
  return [
    `Setting (Cohen et al., ICLR 2021, "Gradient descent on neural networks typically occurs at the edge of stability"; ` +
      `their chebyshev-${w.degree}-${w.points} workload): ${w.points} points evenly spaced on [−1, 1] labelled by the ` +
      `Chebyshev polynomial T_${w.degree}, a tanh net 1→${w.hidden.join("→")}→1 with biases and PyTorch's default init, ` +
      `full-batch gradient descent on ½·mean (f − y)², float64.`,
    `Prediction: under gradient flow the sharpness λ_max (top Hessian eigenvalue, by Lanczos on exact Hessian-vector ` +
      `products) rises (progressive sharpening); gradient descent with step η follows it until λ_max reaches 2/η, the ` +
      `stability limit of a quadratic, and then stays there while the loss keeps falling non-monotonically. The ` +
      `theory of the paper this lab reproduces is gradient flow, so this is where it stops describing GD.`,
    `Run: λ_max at init = ${fmt(m.lambda0)}; step sizes on the log grid 2/η = ${s.factors.join(", ")} × λ_max(init) ` +
      `(η = ${m.runs.map((r) => r.eta.toPrecision(3)).join(", ")}), each for flow time ${s.time}, λ_max every ${s.every} ` +
      `steps; a gradient-flow shadow (Dormand–Prince on θ' = −∇L) from GD's own state ${s.shadow} time units before ` +
      `the crossing shows where GD departs from the flow.`,
  ];
}
