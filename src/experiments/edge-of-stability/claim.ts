/**
 * edge-of-stability: full-batch GD on Cohen et al.'s chebyshev-5-20 workload drives λ_max up to 2/η and
 * holds it there, where the gradient flow (the theory's dynamics) keeps sharpening. Run by
 * `learndyn reproduce edge-of-stability` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { eosChecks } from "./checks.js";
import { eosFigures } from "./figures.js";
import { measureEos } from "./measure.js";
import { eosSummary } from "./report.js";
import { EOS_SETTINGS } from "./settings.js";

export const edgeOfStabilityExperiment = defineClaim({
  id: "edge-of-stability",
  claim: "EoS",
  title: "Edge of stability: where gradient descent leaves the flow",
  predictions: ["EoS"],
  settings: EOS_SETTINGS,
  measure: ({ settings, seed }) => measureEos(settings, seed),
  checks: (m, { settings }) => eosChecks(m, settings),
  summary: (m, { settings }) => eosSummary(m, settings),
  limits: (m) =>
    m.runs.map((r) => ({
      setting: `η = ${r.eta.toPrecision(3)} (2/η = ${(2 / r.eta).toPrecision(3)})`,
      deviation:
        r.crossing < 0
          ? "λ_max never reached 2/η in the time run"
          : `crossed 2/η at t = ${r.t[r.crossing].toPrecision(4)}; afterwards λ_max·η/2 median ${r.medianRatio.toFixed(3)}, range ${Math.min(...r.sharpness.slice(r.crossing).map((l) => (l * r.eta) / 2)).toFixed(3)}–${Math.max(...r.sharpness.slice(r.crossing).map((l) => (l * r.eta) / 2)).toFixed(3)}; the flow shadow reached ${r.flow.sharpness.length ? ((r.flow.sharpness[r.flow.sharpness.length - 1] * r.eta) / 2).toFixed(3) : "–"}`,
    })),
  figures: (m) => eosFigures(m),
});
