/**
 * C4: the input norm sets the convergence speed. P3: a wrongly signed point (y = +1, b0 < 0 < a0,
 * |b0| < a0) flips under cross-entropy at t* = ln((a0+|b0|)/(a0−|b0|))/‖x‖: ∝ 1/‖x‖, independent of the
 * init scale (only |b0|/a0 matters) as long as the init is small.
 */
import { defineClaim } from "../../kit/claim.js";
import { c4Checks } from "./checks.js";
import { c4Figures } from "./figures.js";
import { measureC4 } from "./measure.js";
import { c4Limits, c4Summary } from "./report.js";
import { C4_SETTINGS } from "./settings.js";

/** C4 as a claim of the kit (`c4Experiment.runWith(settings)` runs it with other settings). */
export const c4Experiment = defineClaim({
  id: "c4",
  claim: "C4",
  title: "Input norm sets the speed",
  predictions: ["P3"],
  settings: C4_SETTINGS,
  measure: ({ settings }) => measureC4(settings),
  checks: (m, { settings }) => c4Checks(m, settings),
  summary: (m, { settings }) => c4Summary(m, settings),
  limits: (m, { settings }) => c4Limits(m, settings),
  figures: (m, { settings }) => c4Figures(m, settings),
  configs: ({ byRatio, byScale, midRatio }) => ({
    [`flip-times-ratio-${midRatio}`]: byRatio.find((x) => x.ratio === midRatio)!.result.config,
    "flip-times-large-init": byScale[byScale.length - 1].result.config,
  }),
});
