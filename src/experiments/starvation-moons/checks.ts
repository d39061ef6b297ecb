/** The two-moons checks: both arms fit; no SD draws a line, SD a curve (GS Fig. 1); SD decouples the NTK features (Fig. 2). */
import { formatNumber as fmt } from "../../figures/figure.js";
import type { Check } from "../experiment.js";
import { type MoonsMeasurement, mean } from "./measure.js";
import { FEATURES, SD_COEF } from "./settings.js";

/** The checks of a two-moons measurement. */
export function moonsChecks({
  arms,
  minAcc,
  ermSeeds,
  sdSeeds,
  ratioErm,
  ratioSd,
}: MoonsMeasurement): Check[] {
  const [erm, sd] = arms;
  return [
    {
      prediction: "GS Fig. 1",
      statement: "both models fit the training set (the boundary differs, not the training accuracy)",
      predicted: 1,
      measured: minAcc,
      tolerance: "lowest training accuracy over seeds and arms = 1",
      basis:
        "exact: the moons are separable and both arms train to a small loss, so every training point must be classified; no sampling error enters a training accuracy",
      pass: minAcc === 1,
    },
    {
      prediction: "GS Fig. 1 (no SD)",
      statement: `without SD the seed-averaged boundary is nearly a straight line: RMS distance of the zero contour (inside the data's box) from its best-fit line`,
      predicted: "≈ 0 (a line in the margin)",
      measured: erm.deviation.rms,
      tolerance: "≤ 0.05 (input units; the box is ≈ 2.7 × 3.3, the margin 0.1)",
      basis:
        "scale of the data: a boundary that stays within half the moons' margin (0.1) of one line is a line for this data; chosen from that scale, not from a sampling error",
      pass: erm.deviation.rms <= 0.05,
    },
    {
      prediction: "GS Fig. 1 (SD)",
      statement: `with SD (coefficient ${SD_COEF}) the boundary is measurably more curved: RMS distance from the best-fit line, SD / no SD`,
      predicted: "> 1 (curved around the moons)",
      measured: sd.deviation.rms / erm.deviation.rms,
      tolerance: `ratio ≥ 2 and every seed's SD boundary more curved than the same seed's no-SD one (${fmt(mean(sdSeeds))} vs ${fmt(mean(ermSeeds))} mean per seed)`,
      basis:
        "chosen: a factor 2 in the RMS deviation is the smallest effect called 'more curved', and the per-seed condition keeps one seed from carrying the mean",
      pass: sd.deviation.rms >= 2 * erm.deviation.rms && sdSeeds.every((v, i) => v > ermSeeds[i]),
    },
    {
      prediction: "GS Fig. 2",
      statement: `SD decouples the features: at the end, the response along NTK eigenvector ${FEATURES[1]} relative to eigenvector ${FEATURES[0]} (z_${FEATURES[1]}/z_${FEATURES[0]}, mean over seeds), SD vs no SD`,
      predicted: "larger with SD (the starved feature grows)",
      measured: `${fmt(ratioSd)} vs ${fmt(ratioErm)}`,
      tolerance: "SD ratio ≥ 2 × no-SD ratio",
      basis:
        "chosen: a factor 2 is the smallest effect called 'decoupled' (Pezeshki et al. show an order of magnitude)",
      pass: ratioSd >= 2 * ratioErm,
    },
  ];
}
