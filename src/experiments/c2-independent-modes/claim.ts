/**
 * C2: with ReLU units, orthogonal inputs and a diagonal init, learning splits into independent modes
 * (a_k, b_k), one per point. P1: off-diagonal first-layer weights stay exactly 0. P2: a² − b² is conserved
 * per mode (GD drift O(η)). P5: a balanced mode follows the Ei solution, late phase ln(2rt) + ln ln(2rt).
 */
import { defineClaim } from "../../kit/claim.js";
import { c2Checks } from "./checks.js";
import { c2Figures } from "./figures.js";
import { measureC2 } from "./measure.js";
import { c2Limits, c2Summary } from "./report.js";
import { C2_SETTINGS } from "./settings.js";

/** C2 as a claim of the kit (`c2Experiment.runWith(settings)` runs it with other settings). */
export const c2Experiment = defineClaim({
  id: "c2",
  claim: "C2",
  title: "Independent modes",
  predictions: ["P1", "P2", "P5"],
  settings: C2_SETTINGS,
  measure: ({ settings, seed }) => measureC2(settings, seed),
  checks: (m, { settings }) => c2Checks(m, settings),
  summary: (m, { settings }) => c2Summary(m, settings),
  limits: (m, { settings }) => c2Limits(m, settings),
  figures: (m, { settings }) => c2Figures(m, settings),
  configs: ({ ref, indHinge, indLinear }) => ({
    // The first (constant-η) stage of each staged run; later stages restart from its final weights.
    "balanced-modes-stage-1": ref.run.configs[0],
    "mixed-modes-hinge-stage-1": indHinge.run.configs[0],
    "linear-hidden-layer-stage-1": indLinear.run.configs[0],
  }),
});
