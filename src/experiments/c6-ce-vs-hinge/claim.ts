/**
 * C6: cross-entropy and hinge give different dynamics from the same init. P4: hinge flip time = CE flip
 * time / 2 (small init). P6: from a balanced start hinge reaches m = 1 at ln(1/m0)/(2r) and then its
 * parameters stop exactly; CE margin and weight norm keep growing like ln t (P5 late phase).
 */
import { defineClaim } from "../../kit/claim.js";
import { c6Checks } from "./checks.js";
import { c6Figures } from "./figures.js";
import { measureC6 } from "./measure.js";
import { c6Limits, c6Summary } from "./report.js";
import { C6_SETTINGS } from "./settings.js";

/** C6 as a claim of the kit (`c6Experiment.runWith(settings)` runs it with other settings). */
export const c6Experiment = defineClaim({
  id: "c6",
  claim: "C6",
  title: "Cross-entropy vs hinge",
  predictions: ["P4", "P6"],
  settings: C6_SETTINGS,
  measure: ({ settings }) => measureC6(settings),
  checks: (m, { settings }) => c6Checks(m, settings),
  summary: (m, { settings }) => c6Summary(m, settings),
  limits: (m, { settings }) => c6Limits(m, settings),
  figures: (m, { settings }) => c6Figures(m, settings),
  configs: ({ pair, flip }) => ({
    // The first (constant-η) stage of each staged run; later stages restart from its final weights.
    "balanced-hinge-stage-1": pair.hinge.configs[0],
    "balanced-ce-stage-1": pair.ce.configs[0],
    "flip-times-ce": flip.configs.ce,
    "flip-times-hinge": flip.configs.hinge,
  }),
});
