/** The ablation study's words: the setting and protocol per scale, and per ablation the accuracies, margins and line. */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { Limit } from "../experiment.js";
import { FIG3_WEIGHT_DECAY, SD_COEF, splitSd } from "./ablations.js";
import { finalRatio, LINE_RMS, PUBLISHED_SD_RMS } from "./checks.js";
import { type AblationMeasurement, type AblationResult, mean } from "./measure.js";
import { FEATURES, FIG2_WEIGHT_DECAY } from "./ntk-features.js";
import { type AblationSettings, MARGIN } from "./settings.js";

const range = (v: readonly number[]) =>
  Math.min(...v) === Math.max(...v) ? fmt(v[0]) : `${fmt(Math.min(...v))}–${fmt(Math.max(...v))}`;

/** Which of the authors' two protocols these settings follow. */
export function protocolOf(s: AblationSettings): string {
  if (s.epochs === 10000)
    return "their current script (commit bc5c296, 'number of epochs to 10k': 10,000 epochs, 100,000 for '10× longer')";
  if (s.epochs === 1000)
    return "the first version of their script (commit 67808b8: 1,000 epochs, 10,000 for '10× longer'; also starvation-moons' protocol)";
  return `neither of their protocols (${s.epochs} epochs; theirs: 1,000 in commit 67808b8, 10,000 since bc5c296)`;
}

/** Per ablation: accuracies, the input-space margin, the loss and the direction of the fitted line. */
function ablationLimit(r: AblationResult): Limit {
  const d = r.deviation.line.direction;
  const angle = ((Math.atan2(d.y, d.x) * 180) / Math.PI + 180) % 180;
  return {
    setting: r.ablation.label,
    deviation: `training accuracy ${range(r.runs.map((x) => x.trainAccuracy))}, test accuracy ${range(r.runs.map((x) => x.testAccuracy))} (${r.runs[0].y.length}-point training sets, fresh test draws); smallest distance of a training point from its seed's boundary ${range(r.margins)} (the data's margin Δ = ${MARGIN}); final loss ${range(r.runs.map((x) => x.loss))}; the best-fit line runs at ${fmt(angle)}° (90° = along x₂, the unrotated frame), fraction of the boundary farther than 0.1 from it ${fmt(r.deviation.fractionAbove)}.`,
  };
}

/** The measured limits: the protocol against the paper's, then one row per ablation. */
export function ablationLimits(m: AblationMeasurement, s: AblationSettings): Limit[] {
  const { sd } = splitSd(m.results.map((r) => r.ablation));
  const sdRms = m.results.find((r) => r.ablation.id === sd.id)?.deviation.rms ?? Number.NaN;
  return [
    {
      setting: "protocol",
      deviation: `this run follows ${protocolOf(s)}, with ${s.seeds} seed${s.seeds === 1 ? "" : "s"} (theirs: 10)${s.deepWidth === 500 ? "" : `, the 5-layer net ${s.deepWidth} units wide (theirs: 500)`}${s.width === 500 ? "" : `, the 2-layer net ${s.width} units wide (theirs: 500)`}. Their script draws each ablation's init in turn from one torch seed; here the ablations of a seed share the data and the init (the 5-layer net its own), so seeds pair up. SD's RMS here: ${fmt(sdRms)}; on the authors' own scripts at 10,000 epochs: ${PUBLISHED_SD_RMS[0]}–${PUBLISHED_SD_RMS[1]} (measured in issue #15, not a number of the paper).`,
    },
    ...m.results.map(ablationLimit),
    ...featureLimits(m, s),
  ];
}

/** The Fig. 2 pair's end values (when it was run). */
function featureLimits(m: AblationMeasurement, s: AblationSettings): Limit[] {
  if (m.features.length === 0 || m.features.some((f) => f.runs.length === 0)) return [];
  const end = (f: (typeof m.features)[number], i: number) =>
    fmt(mean(f.runs.map((r) => r.responses[r.responses.length - 1][i])));
  const [none, sd] = m.features;
  return [
    {
      setting: `Fig. 2 protocol (weight decay ${FIG2_WEIGHT_DECAY}, ${s.ntkEpochs} epochs)`,
      deviation: `z_${FEATURES[0]} at the end ${end(none, 0)} without SD vs ${end(sd, 0)} with SD (SD caps the dominant feature); z_${FEATURES[1]} ${end(none, 1)} vs ${end(sd, 1)}; z_${FEATURES[1]}/z_${FEATURES[0]} ${fmt(finalRatio(none.runs))} vs ${fmt(finalRatio(sd.runs))}. starvation-moons follows the same coordinates on its 1,000-epoch runs without weight decay.`,
    },
  ];
}

/** The setting and what was measured. */
export function ablationSummary(m: AblationMeasurement, s: AblationSettings): string[] {
  const { others } = splitSd(m.results.map((r) => r.ablation));
  const lines = m.results.filter((r) => others.includes(r.ablation) && r.deviation.rms <= LINE_RMS);
  return [
    `Setting (Pezeshki et al. 2021, Fig. 3; their Figure_3/moon_fig_3.py): two moons, 300 points, noise 0.1, separable along x₁ with margin Δ = ${MARGIN}; a 2-layer ReLU net with ${s.width} units and biases, PyTorch's default init; mean logistic loss; full-batch SGD lr 0.01, momentum 0.9, ${s.epochs} epochs, ${s.seeds} seeds. One change at a time: none; weight decay ${FIG3_WEIGHT_DECAY} (coupled, as torch's SGD); 10× longer; Adam lr 1e-4 and lr 3e-3 (torch's β and ε); the data rotated by 45°; 5 layers (4 hidden of ${s.deepWidth}); spectral decoupling ${SD_COEF}·mean(f²). Their dropout and BatchNorm panels are not run (the engine has neither). Protocol: ${protocolOf(s)}.`,
    `Measured per ablation, as in starvation-moons: the zero contour of the seed-averaged decision function and its RMS distance from the best-fit line inside the data's bounding box (the rotated panel's contour turned back into the unrotated frame first, so the same box applies), each seed's own RMS, training and test accuracy, and the smallest distance of a training point from the boundary. The paper shows figures, not numbers; the prediction is the one its Fig. 3 states: only SD removes the near-linear boundary. Here ${lines.length} of ${others.length} non-SD ablations stay within ${LINE_RMS} of a line; mean per-seed RMS: ${m.results.map((r) => `${r.ablation.label} ${fmt(mean(r.seedRms))}`).join(", ")}.`,
    `Fig. 2 (their Figure_2/moon_fig_2.py, at every scale): the same 2-layer net with SGD weight decay ${FIG2_WEIGHT_DECAY} for ${s.ntkEpochs} epochs, without and with SD, on ${s.ntkSeeds} seed${s.ntkSeeds === 1 ? "" : "s"}; the logits' coordinates z_k = |u_kᵀ f| along the eigenvectors of the initial NTK Gram matrix (the engine's ntkGram), k = ${FEATURES.join(" and ")} as their code plots. Their third run (Δ = −0.1, overlapping classes) is not repeated.`,
  ];
}
