/**
 * C7 (P11, P12, P13): gradient starvation. A frequent feature A (every point) and a rarer, equally
 * informative feature B (a fraction p of the points): once A is learned, B's gradient is starved, so its
 * final strength ∝ ε^{1−ρ} (ρ = p r_B/r_A) and it grows afterwards only like (ln t)^ρ; under hinge it stops
 * exactly. Every number comes from engine runs: the diagonal linear network (model.diagonalLayers = [0]) of
 * ./diagonal-runs.ts, and wide ReLU nets for spectral decoupling (./spectral-decoupling.ts).
 */
import { defineClaim } from "../../kit/claim.js";
import { c7Checks } from "./checks.js";
import { c7Figures } from "./figures.js";
import { measureC7 } from "./measure.js";
import { c7Limits, c7Summary } from "./report.js";
import { C7_SETTINGS } from "./settings.js";

/** C7 as a claim of the kit (`c7Experiment.runWith(settings)` runs it with other settings). */
export const c7Experiment = defineClaim({
  id: "c7",
  claim: "C7",
  title: "Gradient starvation: frequent features starve rare ones",
  predictions: ["P11", "P12", "P13"],
  settings: C7_SETTINGS,
  measure: ({ settings, seed }) => measureC7(settings, seed),
  checks: (m, { settings }) => c7Checks(m, settings),
  summary: (m, { settings }) => c7Summary(m, settings),
  limits: (m, { settings }) => c7Limits(m, settings),
  figures: (m, { settings }) => c7Figures(m, settings),
  configs: ({ ref, hinge, wide, pd, gs }, { settings: { tEnd } }) => ({
    // Stage 1 (η = 0.02 to t = 100); the later stages restart from its weights with η ×10 per decade.
    "diagonal-net-rho0.5-eps1e-4-stage-1": ref.configs[0],
    "diagonal-net-rho0.5-eps1e-4-constant-lr": {
      ...ref.configs[0],
      name: `${ref.configs[0].name} (one constant-η run to t = ${tEnd}: ${tEnd / 0.02} steps)`,
      train: { steps: Math.round(tEnd / 0.02) },
    },
    "diagonal-net-hinge": hinge.configs[0],
    "wide-relu-sd-0.1 (§7 data + noise dims)": wide[0].runs[wide[0].runs.length - 1][0].config,
    "engine-relu-pair-diagonal (limit)": pd[1].config,
    "engine-wide-gaussian (limit)": gs[1].config,
  }),
});
