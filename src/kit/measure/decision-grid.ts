/**
 * A 2-D classifier's decision function on a square grid, averaged over seeds, and the zero contour of the
 * average: what the gradient-starvation figures draw and what the boundary-curvature measure reads.
 */
import { jsBackend } from "../../engine/backend-js.js";
import type { Mlp } from "../../engine/mlp.js";
import { forward } from "../../engine/propagate.js";
import { createWorkspace } from "../../engine/workspace.js";
import { contourLines } from "../../figures/contour.js";
import type { XY } from "../../figures/figure.js";
import type { Box } from "./boundary-curvature.js";

/** `count` equally spaced coordinates from `lo` to `hi` (both included). */
export function gridCoords(count: number, lo = -2, hi = 2): number[] {
  if (!Number.isInteger(count) || count < 2)
    throw new Error(`gridCoords: count must be an integer ≥ 2 (points per axis), got ${count}`);
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/** f(x) of a 2-input net at every grid point: values[j·g + i] is f at (coords[i], coords[j]). */
export function decisionGrid(mlp: Mlp, coords: readonly number[]): Float64Array {
  if (mlp.spec.inputDim !== 2)
    throw new Error(`decisionGrid: the net must take 2 inputs (a plane), it takes ${mlp.spec.inputDim}`);
  const g = coords.length;
  const plane = new Float64Array(g * g * 2);
  for (let j = 0; j < g; j++) {
    for (let i = 0; i < g; i++) {
      plane[2 * (j * g + i)] = coords[i];
      plane[2 * (j * g + i) + 1] = coords[j];
    }
  }
  const ws = createWorkspace(mlp, g * g, jsBackend);
  return Float64Array.from(forward(mlp, mlp.params, plane, g * g, ws, jsBackend).subarray(0, g * g));
}

/** The mean of equally sized grids, accumulated as Σ grid/count in the given order. */
export function averageGrids(grids: readonly Float64Array[]): Float64Array {
  if (grids.length === 0) throw new Error("averageGrids: no grids to average (run at least one seed)");
  const out = new Float64Array(grids[0].length);
  for (const grid of grids) {
    if (grid.length !== out.length)
      throw new Error(`averageGrids: grids differ in size (${grid.length} vs ${out.length})`);
    for (let i = 0; i < out.length; i++) out[i] += grid[i] / grids.length;
  }
  return out;
}

/** The zero contour of grid values on coords × coords. */
export function zeroContour(values: Float64Array, coords: readonly number[]): XY[][] {
  return contourLines({ x: coords, y: coords, values }, 0);
}

/** The bounding box of 2-D point sets (each n × 2, row-major), over all of them. */
export function dataBox(sets: readonly Float64Array[]): Box {
  const box: Box = { xMin: Infinity, xMax: -Infinity, yMin: Infinity, yMax: -Infinity };
  for (const x of sets) {
    for (let i = 0; 2 * i + 1 < x.length; i++) {
      box.xMin = Math.min(box.xMin, x[2 * i]);
      box.xMax = Math.max(box.xMax, x[2 * i]);
      box.yMin = Math.min(box.yMin, x[2 * i + 1]);
      box.yMax = Math.max(box.yMax, x[2 * i + 1]);
    }
  }
  return box;
}
