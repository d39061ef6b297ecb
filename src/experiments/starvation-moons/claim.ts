/**
 * Gradient starvation on two moons (Pezeshki et al., NeurIPS 2021, Fig. 1–2): without spectral decoupling
 * the boundary learned by a wide 2-layer ReLU net is almost a straight line in the margin; with SD it bends
 * around the moons. The per-feature view: responses of the logits along the eigenvectors of the initial NTK.
 */
import { defineClaim } from "../../kit/claim.js";
import { moonsChecks } from "./checks.js";
import { moonsFigures } from "./figures.js";
import { measureMoons } from "./measure.js";
import { moonsLimits, moonsSummary } from "./report.js";
import { moonsConfig } from "./runs.js";
import { baseRunOptions, MOONS_SCALES, SD_COEF } from "./settings.js";

/** The two-moons study as a claim of the kit (`runWith(settings)` shrinks it for tests). */
export const starvationMoonsExperiment = defineClaim({
  id: "starvation-moons",
  claim: "C7",
  title: "Gradient starvation on two moons (with and without SD)",
  predictions: ["GS Fig. 1", "GS Fig. 2"],
  settings: MOONS_SCALES,
  measure: ({ settings, seed }) => measureMoons(settings, seed),
  checks: (m) => moonsChecks(m),
  summary: (_m, { settings }) => moonsSummary(settings),
  limits: (m, { settings }) => moonsLimits(m, settings),
  figures: (m, { settings, seed }) => moonsFigures(m, settings, seed),
  configs: (_m, { settings, seed }) => ({
    [`no SD, seed ${seed * 1000}`]: moonsConfig({
      ...baseRunOptions(settings),
      seed: seed * 1000,
      sdCoef: 0,
    }),
    [`SD, seed ${seed * 1000}`]: moonsConfig({
      ...baseRunOptions(settings),
      seed: seed * 1000,
      sdCoef: SD_COEF,
    }),
  }),
});
