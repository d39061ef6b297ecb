/**
 * C5 (P10): the frequency of a feature sets its convergence speed. A feature of norm r carried by a
 * fraction p of the points is learned at t ≈ ln(1/(r ε))/(p r) (2 layers) or 2 a0^{−(D−2)}/((D−2) p r)
 * (depth D ≥ 3): time ∝ 1/(p·r). See ./feature-time.ts for the network and the definition of "learned".
 */
import { defineClaim } from "../../kit/claim.js";
import { c5Checks } from "./checks.js";
import type { FeatureTimeResult } from "./feature-time.js";
import { c5Figures } from "./figures.js";
import { measureC5 } from "./measure.js";
import { c5Limits, c5Summary } from "./report.js";
import { C5_SETTINGS } from "./settings.js";

/** C5 as a claim of the kit (`c5Experiment.runWith(settings)` runs it with other settings). */
export const c5Experiment = defineClaim({
  id: "c5",
  claim: "C5",
  title: "Feature frequency sets the speed of learning",
  predictions: ["P10"],
  settings: C5_SETTINGS,
  measure: ({ settings, seed }) => measureC5(settings, seed),
  checks: (m, { settings }) => c5Checks(m, settings),
  summary: (m, { settings }) => c5Summary(m, settings),
  limits: (m) => c5Limits(m),
  figures: (m, { settings }) => c5Figures(m, settings),
  configs: ({ two, deepRuns, relu, dense }) => ({
    "two-layer-p0.1": (two.get(1) as FeatureTimeResult[])[1].config,
    "depth3-p0.2": (deepRuns.get(3) as FeatureTimeResult[])[2].config,
    "relu-pair-p0.4": relu[1].config,
    "dense-limit": dense.config,
  }),
});
