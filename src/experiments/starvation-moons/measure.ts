/**
 * The two-moons runs: each seed trains both arms (no SD, SD) from the same data and init; the decision
 * function averaged over seeds, its zero contour and its distance from a line; the NTK feature responses.
 */
import { type BoundaryDeviation, type Box, boundaryDeviation } from "../../kit/measure/boundary-curvature.js";
import { averageGrids, dataBox, zeroContour } from "../../kit/measure/decision-grid.js";
import { type InitialNtk, type MoonsRun, runMoons } from "./runs.js";
import { baseRunOptions, FEATURES, type MoonsSettings, SD_COEF } from "./settings.js";

/** One arm of the study (no SD or SD) over every seed. */
export interface Arm {
  label: string;
  sdCoef: number;
  runs: MoonsRun[];
  /** The decision function averaged over seeds, on the grid. */
  mean: Float64Array;
  /** Distance of the averaged zero contour from its best-fit line. */
  deviation: BoundaryDeviation;
  /** The averaged zero contour. */
  lines: { x: number; y: number }[][];
}

/** Everything the study measured. */
export interface MoonsMeasurement {
  /** Grid coordinates per axis. */
  coords: number[];
  /** [no SD, SD]. */
  arms: Arm[];
  /** The data's bounding box over every seed. */
  box: Box;
  /** Per-seed boundary RMS distance from a line, per arm. */
  ermSeeds: number[];
  sdSeeds: number[];
  /** Lowest training accuracy over seeds and arms. */
  minAcc: number;
  /** z_6/z_1 at the end, mean over seeds, per arm. */
  ratioErm: number;
  ratioSd: number;
}

/** Mean of a list. */
export const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;

/** Runs both arms for every seed of `s` from `seed`. */
export function measureMoons(s: MoonsSettings, seed: number): MoonsMeasurement {
  const coords = Array.from({ length: s.grid }, (_, i) => -2 + (4 * i) / (s.grid - 1));
  const base = baseRunOptions(s);
  const arms: Arm[] = [
    {
      label: "no SD",
      sdCoef: 0,
      runs: [],
      mean: new Float64Array(0),
      deviation: undefined as never,
      lines: [],
    },
    {
      label: `SD ${SD_COEF}`,
      sdCoef: SD_COEF,
      runs: [],
      mean: new Float64Array(0),
      deviation: undefined as never,
      lines: [],
    },
  ];
  for (let k = 0; k < s.seeds; k++) {
    let ntk: InitialNtk | undefined;
    for (const arm of arms) {
      const r = runMoons({ ...base, seed: seed * 1000 + k, sdCoef: arm.sdCoef }, coords, FEATURES, ntk);
      ntk = r.ntk;
      arm.runs.push(r);
    }
  }
  // The data's bounding box, over every seed.
  const box = dataBox(arms[0].runs.map((r) => r.x));
  for (const arm of arms) {
    arm.mean = averageGrids(arm.runs.map((r) => r.grid));
    arm.lines = zeroContour(arm.mean, coords);
    arm.deviation = boundaryDeviation(arm.lines, { box, delta: 0.1 });
  }
  const [erm, sd] = arms;
  const perSeed = (arm: Arm) =>
    arm.runs.map((r) => boundaryDeviation(zeroContour(r.grid, coords), { box }).rms);
  const ermSeeds = perSeed(erm);
  const sdSeeds = perSeed(sd);
  const minAcc = Math.min(...arms.flatMap((a) => a.runs.map((r) => r.accuracy)));

  // Responses along the NTK eigenvectors: mean over seeds at each record.
  const finalRatio = (arm: Arm) =>
    mean(
      arm.runs.map((r) => r.responses[r.responses.length - 1][1] / r.responses[r.responses.length - 1][0]),
    );
  const ratioErm = finalRatio(erm);
  const ratioSd = finalRatio(sd);
  return { coords, arms, box, ermSeeds, sdSeeds, minAcc, ratioErm, ratioSd };
}
