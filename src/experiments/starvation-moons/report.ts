/** The two-moons words: what the boundary measure depends on, the protocol, and the summary. */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { BoundaryDeviation } from "../../kit/measure/boundary-curvature.js";
import type { Limit } from "../experiment.js";
import { type MoonsMeasurement, mean } from "./measure.js";
import { FEATURES, type MoonsSettings, SD_COEF } from "./settings.js";

/** The box and averaging of the boundary measure, the no-SD line's direction, the feature protocol. */
export function moonsLimits({ arms, box }: MoonsMeasurement, s: MoonsSettings): Limit[] {
  const [erm, sd] = arms;
  const angle = (d: BoundaryDeviation) =>
    (Math.atan2(d.line.direction.y, d.line.direction.x) * 180) / Math.PI;
  return [
    {
      setting: "boundary measure",
      deviation: `the RMS distance depends on the box (data bounding box [${fmt(box.xMin)}, ${fmt(box.xMax)}] × [${fmt(box.yMin)}, ${fmt(box.yMax)}]) and on averaging the decision function over seeds before taking its zero contour, as the paper's figure does. Fraction of the boundary farther than δ = 0.1 from its line: ${fmt(erm.deviation.fractionAbove)} (no SD) vs ${fmt(sd.deviation.fractionAbove)} (SD); largest distance ${fmt(erm.deviation.max)} vs ${fmt(sd.deviation.max)}.`,
    },
    {
      setting: "the no-SD line",
      deviation: `it runs at ${fmt(angle(erm.deviation))}° (90° = along the margin axis x₂) through (${fmt(erm.deviation.line.point.x)}, ${fmt(erm.deviation.line.point.y)}): the max-margin line x₁ = 0 would be 90° through x₁ = 0.`,
    },
    {
      setting: "per-feature dynamics protocol",
      deviation: `the responses are recorded on the Fig. 1 runs (no weight decay, ${s.epochs} epochs); the paper's Fig. 2 adds weight decay 2e-4 and trains 10000 epochs. Final z_${FEATURES[0]}: ${fmt(mean(erm.runs.map((r) => r.responses[r.responses.length - 1][0])))} (no SD) vs ${fmt(mean(sd.runs.map((r) => r.responses[r.responses.length - 1][0])))} (SD); z_${FEATURES[1]}: ${fmt(mean(erm.runs.map((r) => r.responses[r.responses.length - 1][1])))} vs ${fmt(mean(sd.runs.map((r) => r.responses[r.responses.length - 1][1])))}.`,
    },
  ];
}

/** The setting and what was measured. */
export function moonsSummary(s: MoonsSettings): string[] {
  return [
    `Setting (Pezeshki et al. 2021, Fig. 1; their Figure_1/moon_fig_1.py): two moons, 300 points, noise 0.1, separable along x₁ with margin Δ = 0.1; a 2-layer ReLU net with ${s.width} units and biases, PyTorch's default init (W, b ~ U(±1/√fan_in)); mean logistic loss; full-batch SGD lr 0.01, momentum 0.9, ${s.epochs} epochs; ${s.seeds} seeds (the paper: 10), with and without spectral decoupling sd_coef·mean(f²), sd_coef = ${SD_COEF} (λ = ${2 * SD_COEF} in learndyn's λ/2 form). Each seed draws its own data and init; the two arms of a seed share both.`,
    `Measured: the zero contour of the seed-averaged decision function, its RMS distance from the best-fit (total least squares) line inside the data's bounding box (0 for a line; R·√(½ + sin 2α/(4α) − (sin α/α)²) for an arc of radius R and half-angle α), and the responses of the training logits along the eigenvectors of the initial NTK Gram matrix. The paper reports figures, not numbers: the predictions are the directions it shows.`,
  ];
}
