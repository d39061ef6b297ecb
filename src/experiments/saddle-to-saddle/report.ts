/** The saddle-to-saddle study's words: the setting, the prediction, what was run. */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { SaddleMeasurement } from "./measure.js";
import type { SaddleSettings } from "./settings.js";

export function saddleSummary(m: SaddleMeasurement, s: SaddleSettings): string[] {
  const p = s.problem;
  return [
    `Setting (Pesme & Flammarion, NeurIPS 2023, "Saddle-to-saddle dynamics in diagonal linear networks"): a ` +
      `diagonal linear network β = u ⊙ v from u(0) = √2·α, v(0) = 0, gradient flow on ½·mean (Xβ − y)² with X ` +
      `${p.samples} × ${p.features} standard Gaussian and y = Xβ* for a ${p.values.length}-sparse β* on coordinates ` +
      `${m.starSupport.join(", ")} (values ${p.values.join(", ")}); the flow is simulated in (u, v) by Dormand–Prince ` +
      `(rtol ${s.rtol}), float64.`,
    `Prediction: as α → 0, in rescaled time t̃ = t/ln(1/α) the loss is piecewise constant: the flow sits at a ` +
      `saddle, then jumps to the next at times Algorithm 1 computes (s = −∫∇L dt̃ moves linearly until a coordinate ` +
      `reaches |s_i| = 1; β then jumps to the constrained least-squares fit on the saturated coordinates, by NNLS). ` +
      `Here Algorithm 1 visits ${m.saddles.length} saddles with supports ` +
      `${m.saddles.map((q) => `{${q.support.join(", ")}}`).join(" → ")}, jump times ` +
      `${m.saddles
        .slice(1)
        .map((q) => q.time.toFixed(4))
        .join(", ")} and losses ${m.saddles.map((q) => fmt(q.loss)).join(", ")}.`,
    `Run: the flow at α = ${s.alphas.join(", ")}; the jump time measured where the loss first falls below the ` +
      `midpoint of two plateaus, the plateau loss midway between two jumps, on a grid of ${s.resolution} records ` +
      `per unit t̃. Lazy-regime scan: α = ${s.scan.join(", ")} run to convergence; the end point against the ` +
      `finite-α limit β∞(α) = α² sinh(2Xᵀλ) (Woodworth et al., COLT 2020: the flow minimises the hyperbolic ` +
      `entropy, solved here by Newton on its dual), the minimum-ℓ1 interpolator (small α) and the minimum-ℓ2 one ` +
      `(large α, the kernel regime, where the plateaus are gone).`,
  ];
}
