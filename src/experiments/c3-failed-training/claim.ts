/**
 * C3: some regions of parameter space lead to failed training. P7: in the (a, b) plane of one ReLU mode
 * (y = +1) the fates are dead {a ≤ 0}, correct {b > 0}, recovers {−a < b < 0}, fails {b < −a}; final error
 * 1/4 (half-normal a) or 5/8 (Gaussian a). P9: a wrong depth-D chain recovers iff |a_D| < min_{l<D} a_l,
 * probability 1/D under i.i.d. init.
 */
import { defineClaim } from "../../kit/claim.js";
import { c3Checks } from "./checks.js";
import { c3Figures } from "./figures.js";
import { measureC3 } from "./measure.js";
import { c3Limits, c3Summary } from "./report.js";
import { C3_SIZES } from "./settings.js";

/** C3 as a claim of the kit (`c3Experiment.runWith(sizes)` runs it at other sizes). */
export const c3Experiment = defineClaim({
  id: "c3",
  claim: "C3",
  title: "Regions of failed training",
  predictions: ["P7", "P9"],
  settings: C3_SIZES,
  measure: ({ settings, seed }) => measureC3(settings, seed),
  checks: (m) => c3Checks(m),
  summary: (_m, { settings }) => c3Summary(settings),
  limits: (m) => c3Limits(m),
  figures: (m) => c3Figures(m),
  configs: ({ ce, gauss, depths }) => {
    const deep = depths[depths.length - 1];
    return {
      "phase grid, cross-entropy (first 20 starts)": ce.config,
      "random starts, Gaussian a (20 points per run)": gauss.config,
      [`depth ${deep.depth} chains (20 per run)`]: deep.config,
    };
  },
});
