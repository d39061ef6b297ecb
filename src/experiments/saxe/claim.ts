/**
 * saxe: the linear theory the paper extends (Saxe, McClelland & Ganguli 2014) — deep linear nets learn each
 * SVD mode of the task on its own sigmoid, in time ∝ 1/s, a hierarchy coarse to fine — beside the paper's
 * ReLU mode under CE. Run by `learndyn reproduce saxe` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { saxeChecks, supError } from "./checks.js";
import { saxeFigures } from "./figures.js";
import { measureSaxe } from "./measure.js";
import { saxeSummary } from "./report.js";
import { SAXE_SETTINGS } from "./settings.js";

const f3 = (v: number) => v.toPrecision(3);

export const saxeExperiment = defineClaim({
  id: "saxe",
  claim: "Saxe",
  title: "Linear baseline: Saxe et al.'s mode sigmoids, beside the paper's ReLU modes",
  predictions: ["P14", "P5"],
  settings: SAXE_SETTINGS,
  measure: ({ settings, seed }) => measureSaxe(settings, seed),
  checks: (m, { settings }) => saxeChecks(m, settings),
  summary: (m, { settings }) => saxeSummary(m, settings),
  limits: (m) =>
    [m.random, m.tree.random].map((r) => ({
      setting: `${r.label} (the decoupled theory assumes aligned modes)`,
      deviation:
        `half-times measured ${r.halfMeasured.map(f3).join(", ")} vs the theory restarted at 5 % of s ` +
        `${r.halfPredicted.map(f3).join(", ")} (relative ${r.halfMeasured.map((v, a) => f3(v / r.halfPredicted[a] - 1)).join(", ")}); ` +
        `sup |u − u_th|/s after the restart ${f3(supError(r))}`,
    })),
  figures: (m) => saxeFigures(m),
});
