/** C1's words: the limits measured (paired with the reference draws) and the summary paragraphs. */
import { formatNumber as fmt } from "../../figures/figure.js";
import { GD_ALLOWANCE, KS_99 } from "../../kit/measure/error-curves.js";
import type { Limit } from "../experiment.js";
import { type C1Measurement, supDifference } from "./measure.js";
import { C1_EPS, C1_NORMS, type C1Sizes } from "./settings.js";

/** Where the theory stops holding: larger init, larger steps, a dense first layer. */
export function c1Limits({ limitRuns, ref, dense }: C1Measurement): Limit[] {
  const limits: Limit[] = limitRuns.map(({ label, m }) => ({
    setting: label,
    deviation:
      `sup_t |E − E_theory| = ${fmt(m.supDeviation)} (reference ε = ${C1_EPS}, η = 0.04: ${fmt(ref.supDeviation)}); ` +
      `sup_t |E − E_reference| on the same draws = ${fmt(supDifference(m, ref))}; ` +
      `final error ${fmt(m.final)} (theory 0.25); time to fall halfway ${fmt(m.halfTime)} vs ${fmt(ref.halfTime)} at the reference` +
      (m.diverged > 0 ? `; ${m.diverged} runs diverged` : ""),
  }));
  limits.push({
    setting: "dense Gaussian first layer N(0, ε²), 20 units on 20 orthogonal points (modes couple)",
    deviation:
      `sup_t |E − E_theory| = ${fmt(dense.supDeviation)}; final error ${fmt(dense.final)} instead of 0.25: a point reaches ` +
      `every unit whose weight on it is positive, so a wrong start rarely fails; time to fall halfway ${fmt(dense.halfTime)} vs ${fmt(ref.halfTime)}`,
  });
  return limits;
}

/** The setting, the theory and what was run. */
export function c1Summary(sizes: C1Sizes): string[] {
  return [
    `Setting: orthogonal points x_k = r e_k with alternating labels, a 2-layer bias-free ReLU net with W₁ = diag(a), ` +
      `a_k ~ |N(0, ε²)|, output weights b_k ~ N(0, ε²), ε = ${C1_EPS}, summed cross-entropy, full-batch GD with ` +
      `lr = 0.04/r (t = lr·steps). Each point is an independent mode; ${sizes.count} points per norm r ∈ {${C1_NORMS.join(", ")}} ` +
      `are simulated as engine runs of 20 points each and pooled.`,
    `Theory (THEORY.md §3, P8): a point starting with the wrong sign (|b| < a) flips at t* = ln((a+|b|)/(a−|b|))/r; ` +
      `with the angle atan(|b|/a) uniform this gives E(t) = ½[1 − gd(r t)/π], which falls from ½ to ¼ and depends on t only ` +
      `through r t. The sup deviation over time is a Kolmogorov–Smirnov statistic (the error curve is one minus an empirical ` +
      `distribution function of flip times), so its 99% band is ${KS_99}/√N; GD steps add at most ≈ ${GD_ALLOWANCE}.`,
    `With spread norms (${sizes.spreadCount} points, log-uniform in [0.25, 4]) the curve is the average of the per-norm ` +
      `curves: still a sigmoid in log t, stretched over the range of r. Larger init, larger steps and a dense first layer ` +
      `are measured against the same draws (limits).`,
  ];
}
