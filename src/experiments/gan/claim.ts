/**
 * G1 (issue 6): "the hinge loss with Adam captures more modes of multi-modal data and trains more stably"
 * than cross-entropy, tested on the standard toys of the mode-collapse literature (8 Gaussians on a ring,
 * 25 on a grid) over loss (minimax CE, non-saturating CE, hinge) × optimizer (Adam, SGD) × seeds, with the
 * mechanism of THEORY.md §6 measured on the discriminator: hinge stops pushing beyond the margin (exact
 * zero gradients, bounded logits), cross-entropy keeps pushing.
 */
import { defineClaim } from "../../kit/claim.js";
import { ganFigures } from "./bench-figures.js";
import { ganChecks } from "./checks.js";
import { measureGan } from "./measure.js";
import { ganLimits, ganSummary } from "./report.js";
import { GAN_SCALES } from "./settings.js";

/** The GAN bench as a claim of the kit (`runWith(settings)` shrinks it for tests). */
export const ganBenchExperiment = defineClaim({
  id: "gan",
  claim: "G1",
  title: "GAN mode collapse: hinge vs cross-entropy, Adam vs SGD",
  predictions: ["G1 modes", "G1 stability", "G1 Adam", "§6 stop", "§6 push"],
  settings: GAN_SCALES,
  measure: ({ settings, seed, io }) => measureGan(settings, seed, io),
  checks: (cells) => ganChecks(cells).checks,
  summary: (cells, { settings }) => ganSummary(cells, settings),
  limits: (cells, { settings, scale }) => ganLimits(cells, settings, scale),
  figures: (cells, { settings }) => ganFigures(cells, settings),
  configs: (cells) => Object.fromEntries(cells.map((c) => [`${c.data}-${c.loss}-${c.optimizer}`, c.config])),
});
