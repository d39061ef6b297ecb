/**
 * simplicity-bias: Shah et al. 2020's LMS data — a 2-layer ReLU net trained on data where a linear
 * coordinate and many slab coordinates each separate the classes uses the linear one only. Run by
 * `learndyn reproduce simplicity-bias` (and `--all`). Its frequency half (frequency.ts) puts THEORY.md §7's
 * data through the same randomisations: the feature learned fastest (C5) is the one relied on.
 */
import { defineClaim } from "../../kit/claim.js";
import { sbChecks } from "./checks.js";
import { sbFigures } from "./figures.js";
import { measureSb } from "./measure.js";
import { sbSummary } from "./report.js";
import { SB_SETTINGS } from "./settings.js";

export const simplicityBiasExperiment = defineClaim({
  id: "simplicity-bias",
  claim: "SB",
  title: "Simplicity bias: the net uses the linear coordinate and ignores the slabs",
  predictions: ["SB1", "SB2", "SB3", "FF1", "FF2", "FF3"],
  settings: SB_SETTINGS,
  measure: ({ settings, seed }) => measureSb(settings, seed),
  checks: (m, { settings }) => sbChecks(m, settings),
  summary: (m, { settings }) => sbSummary(m, settings),
  figures: (m) => sbFigures(m),
});
