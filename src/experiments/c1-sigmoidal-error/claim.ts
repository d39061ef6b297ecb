/**
 * C1: the training error follows a sigmoidal curve in (log) time. P8: in the exact setting (orthogonal
 * points, diagonal small init, cross-entropy) E(t) = ½[1 − gd(r t)/π] → ¼; curves for different norms
 * collapse against r·t; for spread norms E(t) = P(t*_i > t) = mean_i ½[1 − gd(r_i t)/π].
 */
import { defineClaim } from "../../kit/claim.js";
import { c1Checks } from "./checks.js";
import { c1Figures } from "./figures.js";
import { measureC1 } from "./measure.js";
import { c1Limits, c1Summary } from "./report.js";
import { C1_NORMS, C1_SIZES } from "./settings.js";

/** C1 as a claim of the kit (`c1Experiment.runWith(sizes)` runs it at other sizes). */
export const c1Experiment = defineClaim({
  id: "c1",
  claim: "C1",
  title: "Sigmoidal error curves",
  predictions: ["P8"],
  settings: C1_SIZES,
  measure: ({ settings, seed }) => measureC1(settings, seed),
  checks: (m, { settings }) => c1Checks(m, settings),
  summary: (_m, { settings }) => c1Summary(settings),
  limits: (m) => c1Limits(m),
  figures: ({ collapse, spread, ref, limitRuns, dense }) =>
    c1Figures({ collapse, spread, norms: C1_NORMS, limits: { ref, runs: limitRuns, dense } }),
  configs: ({ collapse, spread, dense }) => ({
    "r=1 (20 points per run)": collapse.curves[1].config,
    "spread norms": spread.config,
    "dense first layer": dense.config,
  }),
});
