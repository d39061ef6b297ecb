/**
 * saddle-to-saddle: at vanishing init, a diagonal linear network's loss is a staircase whose jump times and
 * plateau values Algorithm 1 of Pesme & Flammarion (2023) predicts; as the init grows the plateaus vanish
 * and the end point moves from the sparse to the ℓ2 interpolator. Run by `learndyn reproduce
 * saddle-to-saddle` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { saddleChecks } from "./checks.js";
import { saddleFigures } from "./figures.js";
import { measureSaddles } from "./measure.js";
import { saddleSummary } from "./report.js";
import { SADDLE_SETTINGS } from "./settings.js";

export const saddleToSaddleExperiment = defineClaim({
  id: "saddle-to-saddle",
  claim: "S2S",
  title: "Saddle-to-saddle: diagonal linear networks at vanishing init",
  predictions: ["S2S"],
  settings: SADDLE_SETTINGS,
  measure: ({ settings, seed }) => measureSaddles(settings, seed),
  checks: (m, { settings }) => saddleChecks(m, settings),
  summary: (m, { settings }) => saddleSummary(m, settings),
  limits: (m) => [
    ...m.studies.map((q) => ({
      setting: `α = ${q.alpha.toExponential(0)} (ln(1/α) = ${q.logInv.toFixed(1)})`,
      deviation: `jump times off the α → 0 limit by ${q.jumps.map((j) => (j.measured - j.predicted).toFixed(4)).join(", ")} in t/ln(1/α); plateau losses off by ${q.plateaus.map((p) => (p.measured - p.predicted).toPrecision(2)).join(", ")}`,
    })),
    ...m.scan.map((p) => ({
      setting: `init scale α = ${p.alpha}`,
      deviation: `end point ${p.toSparse.toPrecision(2)} from the ℓ1 and ${p.toMinNorm.toPrecision(2)} from the ℓ2 interpolator (relative)`,
    })),
  ],
  figures: (m) => saddleFigures(m),
});
