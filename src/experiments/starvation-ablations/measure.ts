/**
 * Every seed of every ablation; per ablation the decision function averaged over seeds (as their figure
 * does), its zero contour, and that contour's distance from a straight line inside the data's box. The
 * rotated panel's contour is turned back into the unrotated frame first, so that the same box applies and
 * a rotation alone changes nothing. Finished runs are kept as checkpoints when the CLI gives a store, so a
 * killed `--full` run resumes.
 */

import type { XY } from "../../figures/figure.js";
import { type BoundaryDeviation, type Box, boundaryDeviation } from "../../kit/measure/boundary-curvature.js";
import { inputMargin } from "../../kit/measure/boundary-margin.js";
import { averageGrids, dataBox, gridCoords, zeroContour } from "../../kit/measure/decision-grid.js";
import type { ExperimentIo } from "../experiment-io.js";
import { ABLATIONS, type Ablation } from "./ablations.js";
import { type FeatureRun, FIG2_ARMS, runFeatures } from "./ntk-features.js";
import { type AblationRun, runAblation } from "./runs.js";
import type { AblationSettings } from "./settings.js";

/** One ablation over every seed. */
export interface AblationResult {
  ablation: Ablation;
  runs: AblationRun[];
  /** The decision function averaged over seeds on the grid (in the ablation's own frame). */
  mean: Float64Array;
  /** Its zero contour (own frame). */
  lines: XY[][];
  /** Distance of the averaged contour (turned back to the unrotated frame) from its best-fit line. */
  deviation: BoundaryDeviation;
  /** The same RMS distance per seed (each seed's own contour). */
  seedRms: number[];
  /** Per seed: the training points' smallest signed distance from that seed's boundary. */
  margins: number[];
}

/** Everything the study measured. */
export interface AblationMeasurement {
  /** Grid coordinates per axis ([−2, 2], as their heatmaps). */
  coords: number[];
  /** The unrotated data's bounding box over every seed (where the boundary is measured). */
  box: Box;
  results: AblationResult[];
  /** Their Fig. 2 pair (no SD, SD; weight decay 2e-4, ntkEpochs): the NTK coordinates per seed. */
  features: { arm: Ablation; runs: FeatureRun[] }[];
}

/** Mean of a list. */
export const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;

/** Undoes the data's rotation (their X·R, R the rotation by θ) on contour points: p = R·q. */
export function unrotate(lines: readonly (readonly XY[])[], degrees: number): XY[][] {
  const th = (degrees * Math.PI) / 180;
  const c = Math.cos(th);
  const s = Math.sin(th);
  return lines.map((line) => line.map((q) => ({ x: c * q.x - s * q.y, y: s * q.x + c * q.y })));
}

/** The seed of run k of a study seeded `seed` (the starvation-moons seeds: same data and init there). */
export const runSeed = (seed: number, k: number) => seed * 1000 + k;

/** Runs (or reloads from checkpoints) one seed of one ablation. */
function cachedRun(a: Ablation, s: AblationSettings, seed: number, coords: number[], io: ExperimentIo) {
  const key = `ablation-${a.id}-seed-${seed}-e${s.epochs}-w${s.width}-d${s.deepWidth}-g${s.grid}-t${s.nTest}`;
  const saved = io.checkpoints?.load(key);
  if (saved)
    return {
      ...(saved.meta as Omit<AblationRun, "x" | "y" | "grid" | "logits">),
      ...saved.arrays,
    } as AblationRun;
  const run = runAblation(a, s, seed, coords);
  const { x, y, grid, logits, ...meta } = run;
  io.checkpoints?.save(key, { meta, arrays: { x, y, grid, logits } });
  return run;
}

/** Runs (or reloads) one seed of one Fig. 2 arm. */
function cachedFeatures(arm: Ablation, s: AblationSettings, seed: number, io: ExperimentIo): FeatureRun {
  const key = `features-${arm.id}-seed-${seed}-e${s.ntkEpochs}-w${s.width}`;
  const saved = io.checkpoints?.load(key);
  if (saved) return saved.meta as unknown as FeatureRun;
  const run = runFeatures(arm, s, seed);
  io.checkpoints?.save(key, { meta: { ...run }, arrays: {} });
  return run;
}

/** Runs every ablation for every seed of `s` from `seed`, then the Fig. 2 pair on `s.ntkSeeds` seeds. */
export function measureAblations(
  s: AblationSettings,
  seed: number,
  io: ExperimentIo = {},
  list: readonly Ablation[] = ABLATIONS,
): AblationMeasurement {
  const coords = gridCoords(s.grid);
  const runs = list.map((a, i) =>
    Array.from({ length: s.seeds }, (_, k) => {
      io.progress?.(`starvation-ablations: ${a.id} (${i + 1}/${list.length}), seed ${k + 1}/${s.seeds}`);
      return cachedRun(a, s, runSeed(seed, k), coords, io);
    }),
  );
  const plain = list.findIndex((a) => a.rotation === 0);
  const box = dataBox(runs[plain].map((r) => r.x));
  const straightness = (values: Float64Array, a: Ablation) =>
    boundaryDeviation(unrotate(zeroContour(values, coords), a.rotation), { box, delta: 0.1 });
  const results = list.map((ablation, i): AblationResult => {
    const mean = averageGrids(runs[i].map((r) => r.grid));
    return {
      ablation,
      runs: runs[i],
      mean,
      lines: zeroContour(mean, coords),
      deviation: straightness(mean, ablation),
      seedRms: runs[i].map((r) => straightness(r.grid, ablation).rms),
      margins: runs[i].map((r) => inputMargin(zeroContour(r.grid, coords), r.x, r.y, r.logits)),
    };
  });
  const features = FIG2_ARMS.map((arm) => ({
    arm,
    runs: Array.from({ length: s.ntkSeeds }, (_, k) => {
      io.progress?.(`starvation-ablations: Fig. 2 ${arm.label}, seed ${k + 1}/${s.ntkSeeds}`);
      return cachedFeatures(arm, s, runSeed(seed, k), io);
    }),
  }));
  return { coords, box, results, features };
}
