/** The simplicity-bias study's words. */

import type { FfSetting } from "./frequency.js";
import { measuredReliance, predictedReliance } from "./frequency-checks.js";
import { interval } from "./interval.js";
import type { SbMeasurement } from "./measure.js";
import type { SbSettings } from "./settings.js";

const pct = (x: { mean: number; half: number }) =>
  `${(100 * x.mean).toFixed(1)}% ± ${Number.isFinite(x.half) ? (100 * x.half).toFixed(1) : "–"}`;

export function sbSummary(m: SbMeasurement, s: SbSettings): string[] {
  return [
    `Setting (Shah et al. 2020, "The pitfalls of simplicity bias in neural networks", LMS-${s.k}; their scripts/gendata.py, our own code): ${s.n} training and ${s.nTest} test points in ${1 + s.slabs} dimensions — one linear coordinate (margin 0.1) and ${s.slabs} ${s.k}-slab coordinates (margin 0.1, width 1), each alone separating the classes. A 2-layer ReLU net with ${s.width} units, mean logistic loss, full-batch GD lr ${s.lr}, momentum ${s.momentum}, ${s.steps} steps (the paper: 100,000 points, 19 slabs, width 200, SGD batch 256: ours is reduced to run in seconds).`,
    `Measured, mean ± 95% t-interval over ${s.seeds} seeds: test ${pct(interval(m.seeds, "test"))}, S-randomised (linear coordinate shuffled) ${pct(interval(m.seeds, "sRandomized"))}, Sᶜ-randomised (slabs shuffled) ${pct(interval(m.seeds, "scRandomized"))}.`,
    `Published (quoted from /work/shared/research/literature.md, read in their notebook prose, exact percentages not read): the net relies on the linear coordinate only — S-randomised about chance, Sᶜ-randomised about unchanged.`,
    frequencyParagraph(m.frequency),
  ];
}

/** The frequency half in words: per setting the two shuffled accuracies and whether the reliance is C5's. */
function frequencyParagraph(f: readonly FfSetting[]): string {
  const rows = f.map((g) => {
    const ok = measuredReliance(g) === predictedReliance(g.rho);
    return `ρ = ${g.rho.toPrecision(2)} (p = ${g.p}, r_B = ${g.rB}): A shuffled ${pct(interval(g.seeds, "aRandomized"))}, B shuffled ${pct(interval(g.seeds, "bRandomized"))} — relies on ${measuredReliance(g)}${ok ? "" : ` (C5 predicts ${predictedReliance(g.rho)})`}`;
  });
  return `Feature frequency (THEORY.md §5, §7's data: A in every point, B in a fraction p with norm r_B, the same net and optimizer): shuffling the feature the net relies on gives chance and shuffling the other changes nothing, as with the linear coordinate and the slabs. C5 says which one: the mode of feature j grows at a rate ∝ p_j·r_j, so A is learned first and starves B (C7) when ρ = p·r_B/r_A < 1, and the roles swap when ρ > 1 — simplicity bias and gradient starvation as one mechanism, the feature that is learned fastest being the one kept. Measured, mean ± 95% t-interval: ${rows.join("; ")}.`;
}
