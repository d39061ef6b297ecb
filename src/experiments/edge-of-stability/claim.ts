/**
 * edge-of-stability: full-batch GD on Cohen et al.'s chebyshev-5-20 tanh net and 20-layer deep linear
 * net, and on the paper's bias-free ReLU net under cross-entropy, drives λ_max up to 2/η and holds it
 * there, where the gradient flow from the same init (the theory's dynamics) keeps sharpening and GD
 * leaves it. Run by `learndyn reproduce edge-of-stability` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { eosChecks } from "./checks.js";
import { eosFigures } from "./figures.js";
import { measureEos } from "./measure.js";
import { eosLimits, eosSummary } from "./report.js";
import { EOS_SETTINGS } from "./settings.js";

export const edgeOfStabilityExperiment = defineClaim({
  id: "edge-of-stability",
  claim: "EoS",
  title: "Edge of stability: where gradient descent leaves the flow",
  predictions: ["EoS"],
  settings: EOS_SETTINGS,
  measure: ({ settings, seed }) => measureEos(settings, seed),
  checks: (m, { settings }) => eosChecks(m.cases, settings),
  summary: (m, { settings }) => eosSummary(m, settings),
  limits: (m, { settings }) => eosLimits(m, settings),
  figures: (m, { settings }) => eosFigures(m.cases, settings),
});
