/**
 * starvation-toy: the two-point linear toy of Pezeshki et al. (NeurIPS 2021, Fig. 6) — under L2 a stronger
 * feature 1 moves the use z₂ of feature 2 (gradient starvation), under spectral decoupling it does not; GD
 * against the exact fixed points. Run by `learndyn reproduce starvation-toy` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { penaltyName } from "../../theory/starvation-toy.js";
import { toyChecks } from "./checks.js";
import { toyFigures } from "./figures.js";
import { measureToy } from "./measure.js";
import { toySummary } from "./report.js";
import { TOY_SETTINGS } from "./settings.js";

const rel = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]) / Math.hypot(b[0], b[1]);

export const starvationToyExperiment = defineClaim({
  id: "starvation-toy",
  claim: "GS-toy",
  title: "Gradient starvation's two-point toy: L2 couples, spectral decoupling decouples",
  predictions: ["T1", "T2", "T3"],
  settings: TOY_SETTINGS,
  measure: ({ settings }) => measureToy(settings),
  checks: (m, { settings }) => toyChecks(m, settings),
  summary: (m, { settings }) => toySummary(m, settings),
  limits: (m, { settings }) =>
    m.runs.map((r) => ({
      setting: `${penaltyName(r.penalty)}, Λ₁ = ${r.strength}: the paper's ${settings.paperSteps} steps`,
      deviation: `z = (${r.atPaperSteps.map((v) => v.toFixed(4)).join(", ")}), relative distance ${rel(r.atPaperSteps, r.fixedPoint).toExponential(2)} from z* = (${r.fixedPoint.map((v) => v.toFixed(4)).join(", ")})`,
    })),
  figures: (m, { settings }) => toyFigures(m, settings),
});
