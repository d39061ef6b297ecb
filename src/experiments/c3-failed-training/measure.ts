/**
 * C3's runs: the phase grid under both losses, random starts with half-normal and Gaussian a, wrong
 * chains per depth, starts near the separatrix, and the limit runs (large step, dense first layer).
 */
import { type ErrorCurveMeasurement, measureErrorCurve } from "../../kit/measure/error-curves.js";
import { type DepthRecoveryMeasurement, measureDepthRecovery } from "./depth.js";
import {
  measurePhaseGrid,
  measureSeparatrixTimes,
  type PhaseGridMeasurement,
  type SeparatrixMeasurement,
} from "./phase-grid.js";
import { BOX, C3_BAND, C3_EPS, type C3Sizes, GRID_TIME } from "./settings.js";

/** The learning rate of the large-step limit. */
export const BIG_LR = 2.5;

/** Everything C3 measured. */
export interface C3Measurement {
  /** Phase grids at the reference step under each loss. */
  ce: PhaseGridMeasurement;
  hinge: PhaseGridMeasurement;
  /** Random starts with a ~ |N(0, ε²)| and a ~ N(0, ε²). */
  half: ErrorCurveMeasurement;
  gauss: ErrorCurveMeasurement;
  /** Wrong chains per depth. */
  depths: DepthRecoveryMeasurement[];
  /** Times to decide near the separatrix. */
  separatrix: SeparatrixMeasurement;
  /** Phase grids at learning rate BIG_LR (limit). */
  ceBig: PhaseGridMeasurement;
  hingeBig: PhaseGridMeasurement;
  /** A dense Gaussian first layer (limit). */
  dense: ErrorCurveMeasurement;
}

/** Runs every C3 simulation at `sizes` from `seed`. */
export function measureC3(sizes: C3Sizes, seed: number): C3Measurement {
  const grid = {
    aRange: [BOX.amin, BOX.amax] as [number, number],
    bRange: [BOX.bmin, BOX.bmax] as [number, number],
  };
  const ce = measurePhaseGrid({ ...grid, size: sizes.grid, loss: "ce", time: GRID_TIME, band: C3_BAND });
  const hinge = measurePhaseGrid({
    ...grid,
    size: sizes.grid,
    loss: "hinge",
    time: GRID_TIME,
    band: C3_BAND,
  });
  const half = measureErrorCurve({
    norms: 1,
    count: sizes.count,
    eps: C3_EPS,
    firstLayer: "half-normal",
    seed: seed + 3,
  });
  const gauss = measureErrorCurve({
    norms: 1,
    count: sizes.count,
    eps: C3_EPS,
    firstLayer: "gaussian",
    seed: seed + 5,
  });
  const depths = sizes.depths.map((depth) =>
    measureDepthRecovery({ depth, count: sizes.chains, seed: seed + depth, time: 30 }),
  );
  const separatrix = measureSeparatrixTimes();
  const ceBig = measurePhaseGrid({
    ...grid,
    size: sizes.grid,
    loss: "ce",
    time: GRID_TIME,
    lr: BIG_LR,
    band: C3_BAND,
  });
  const hingeBig = measurePhaseGrid({
    ...grid,
    size: sizes.grid,
    loss: "hinge",
    time: GRID_TIME,
    lr: BIG_LR,
    band: C3_BAND,
  });
  const dense = measureErrorCurve({
    norms: 1,
    count: Math.min(sizes.count, 1000),
    eps: C3_EPS,
    firstLayer: "dense",
    seed: seed + 9,
  });
  return { ce, hinge, half, gauss, depths, separatrix, ceBig, hingeBig, dense };
}
