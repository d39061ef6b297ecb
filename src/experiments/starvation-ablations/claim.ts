/**
 * starvation-ablations: the two-moons ablations of Gradient Starvation (Pezeshki et al., NeurIPS 2021,
 * Fig. 3): weight decay, longer training, Adam, a rotation and depth leave the ReLU net's boundary almost a
 * straight line; spectral decoupling bends it. Run by `learndyn reproduce starvation-ablations` (and `--all`).
 */
import { defineClaim } from "../../kit/claim.js";
import { ABLATIONS } from "./ablations.js";
import { ablationChecks } from "./checks.js";
import { ablationFigures } from "./figures.js";
import { measureAblations, runSeed } from "./measure.js";
import { ablationLimits, ablationSummary } from "./report.js";
import { ablationConfig } from "./runs.js";
import { ABLATION_SCALES } from "./settings.js";

/** The ablation study as a claim of the kit (`runWith(settings)` shrinks it for tests). */
export const starvationAblationsExperiment = defineClaim({
  id: "starvation-ablations",
  claim: "C7",
  title: "Gradient starvation on two moons: only spectral decoupling bends the boundary (ablations)",
  predictions: ["GS Fig. 3"],
  settings: ABLATION_SCALES,
  measure: ({ settings, seed, io }) => measureAblations(settings, seed, io),
  checks: (m, { settings }) => ablationChecks(m, settings),
  summary: (m, { settings }) => ablationSummary(m, settings),
  limits: (m, { settings }) => ablationLimits(m, settings),
  figures: (m, { settings, seed }) => ablationFigures(m, settings, seed),
  configs: (_m, { settings, seed }) =>
    Object.fromEntries(
      ABLATIONS.map((a) => [
        `${a.id}, seed ${runSeed(seed, 0)}`,
        ablationConfig(a, settings, runSeed(seed, 0)),
      ]),
    ),
});
