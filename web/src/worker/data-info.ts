/** The facts about a run's data and model that the lab's views need once (DataInfo), from the built data. */
import type { DataBundle, Dataset, RunConfig } from "../../../src/index.js";
import { buildData } from "../../../src/index.js";
import { type DataInfo, MAX_POINT_SERIES } from "./run-types.js";

/** The data in the plane the views show: the built data itself, or (with input features) its 2-D points. */
export function planeData(config: RunConfig, built: DataBundle): DataBundle {
  // The same seed and generator draw the same points: only the input features are left out.
  return config.inputs ? buildData({ ...config, inputs: undefined }) : built;
}

const pointsOf = (d: Dataset) => ({
  x: Array.from({ length: d.n }, (_, i) => d.x[2 * i]),
  y: Array.from({ length: d.n }, (_, i) => d.x[2 * i + 1]),
});

export function dataInfo(
  config: RunConfig,
  built: DataBundle,
  plane: DataBundle,
  layers: number,
): Omit<DataInfo, "units0"> {
  const train = built.train;
  const norms: number[] = [];
  for (let i = 0; i < Math.min(train.n, MAX_POINT_SERIES); i++) {
    let s = 0;
    for (let j = 0; j < train.d; j++) s += train.x[i * train.d + j] ** 2;
    norms.push(Math.sqrt(s));
  }
  const flat = plane.train.d === 2;
  const test = plane.tests.test;
  return {
    name: train.name,
    n: train.n,
    d: train.d,
    labels: Array.from(train.y),
    norms,
    featureNames: train.features?.names ?? [],
    points2d: flat ? pointsOf(plane.train) : null,
    test2d: flat && test ? { ...pointsOf(test), labels: Array.from(test.y) } : null,
    inputs: config.inputs ? [...config.inputs] : null,
    inputNames: train.columns ?? Array.from({ length: train.d }, (_, j) => `x${j + 1}`),
    testNames: Object.keys(built.tests),
    layers,
  };
}
