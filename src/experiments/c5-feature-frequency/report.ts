/** C5's words: where the mode theory stops holding (measured) and the summary paragraphs. */
import { formatSignificant as fmt } from "../../math/format.js";
import type { Limit } from "../experiment.js";
import { BIG_A0, type C5Measurement } from "./measure.js";
import { type C5Settings, deepDepths } from "./settings.js";

/** A dense network on shared carriers, a larger init, larger steps. */
export function c5Limits({ dense, big, fast, veryFast }: C5Measurement): Limit[] {
  const limits: Limit[] = [];
  const dt = dense.times;
  limits.push({
    setting:
      "dense ReLU net, width 64, Gaussian init (std 0.01, balanced), all four features (p = 0.1, 0.2, 0.4, 0.8; r = 1) at once on overlapping random carriers",
    deviation: `log-log slope of t against p·r = ${fmt(dense.slope)} (theory −1); t(p=0.1)/t(p=0.8) = ${fmt(dt[0].t / dt[3].t)} (theory 8). Times ${dt.map((x) => fmt(x.t)).join(", ")}: the rare feature is partly learned through the units of the frequent ones (they share carriers), so the spread shrinks.`,
  });
  limits.push({
    setting: `larger init: a0 = ${BIG_A0} (ε = ${BIG_A0 ** 2}), p = 0.2, r = 1`,
    deviation: `measured ${fmt(big.measured)}, exact mode ODE ${fmt(big.exact)} (still exact: ${fmt((big.measured / big.exact - 1) * 100, 2)}%), but ln(1/(rε))/(pr) = ${fmt(big.approx)}: ${fmt((big.approx / big.measured - 1) * 100, 2)}% off (the leading-order formula needs ln(1/(rε)) ≫ 1).`,
  });
  limits.push({
    setting: "larger learning rate: lr·p·r = 0.5 and 1.5 (default 0.005), p = 0.2, r = 1",
    deviation: `time to learn ${fmt(fast.measured)} and ${fmt(veryFast.measured)} vs exact ${fmt(fast.exact)}: ${fmt((fast.measured / fast.exact - 1) * 100, 2)}% and ${fmt((veryFast.measured / veryFast.exact - 1) * 100, 2)}% (GD's discrete growth (1 + lr·pr/2)² per step differs from e^{lr·pr}).`,
  });
  return limits;
}

/** The setting, the theory and what was run. */
export function c5Summary({ two, relu }: C5Measurement, s: C5Settings): string[] {
  const { n, ps } = s;
  const all2 = [...two.values()].flat();
  const depths = deepDepths(s);
  return [
    `Setting: the "features" data (n = ${n}), a feature of norm r carried by a fraction p of the points (the other points carry nothing), labels ±1, the feature's sign = the label; CE loss averaged over the points (reduction "mean", THEORY.md §5); full-batch GD with one lr = 0.02 for every run (lr·p·r ≤ 0.04, so GD follows the flow to < 1%). The network is the feature's mode itself: a chain of D scalar weights on the feature's coordinate, identity activation, all started at a0 (balanced; ε = a0^D), so the response along the feature is u = w₁…w_D. A ReLU realization (a ± pair of units per layer) is run too: each ReLU path fires only on the carriers of one label, so it is pushed by p/2 of the points and learns twice as slowly. One feature per run: with disjoint carriers a diagonal network over K features is exactly K such runs, while a dense first layer on shared carriers is not made of the features' modes (measured in the limits).`,
    `Theory: the mode's margin m = r u obeys m' = 2 p r σ(−m) m (2 layers), so the time to "learn" (r·u = 1, the carriers' margin reaches 1) is THEORY.md §3's Ei formula with r → p r, ≈ ln(1/(r ε))/(p r); for depth D, a' = p r σ(−r a^D) a^{D−1}, time ≈ 2 a0^{−(D−2)}/((D−2) p r). Both ∝ 1/(p r) at fixed r; across norms the 2-layer time carries the extra factor ln(1/(r ε)). Measured: ${all2.length} features with 2 layers, ${ps.length} per depth ${depths.join(" and ")}, ${relu.length} ReLU runs.`,
  ];
}
