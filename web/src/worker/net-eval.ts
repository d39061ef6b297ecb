/**
 * The run's network evaluated away from its trainer, from a copy of its parameters: the decision function
 * and every hidden unit's output over a grid of the input plane (2-D data), and the weights per layer.
 * Pure TypeScript on the library's own forward pass (js backend), so the worker (live decision grid) and
 * the page (unit thumbnails, the network diagram and scrubbing back through a finished run) share it.
 */
import type { RunConfig } from "../../../src/index.js";
import {
  biasView,
  createMlp,
  createWorkspace,
  forward,
  type InputFeature,
  jsBackend,
  type Mlp,
  planeFeatures,
  toEngineSpecs,
  type Workspace,
  weightView,
} from "../../../src/index.js";
import type { WeightSnapshot } from "./run-types.js";

/** A grid of points over the plane: cell centres x (columns) and y (rows), and the points row by row. */
export interface PlaneGrid {
  x: number[];
  y: number[];
  /** (x[i], y[j]) at row j·nx + i, as n × 2 row-major. */
  xy: Float64Array;
}

/** The range of one coordinate of 2-D points, padded by 15% (at least 0.1) so no point sits on an edge. */
function paddedRange(points: ArrayLike<number>, coord: number): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = coord; i < points.length; i += 2) {
    if (points[i] < lo) lo = points[i];
    if (points[i] > hi) hi = points[i];
  }
  const pad = Math.max(0.15 * (hi - lo), 0.1);
  return [lo - pad, hi + pad];
}

/** A size × size grid covering 2-D points (n × 2 row-major) with a margin. */
export function planeGrid(points: ArrayLike<number>, size: number): PlaneGrid {
  const [x0, x1] = paddedRange(points, 0);
  const [y0, y1] = paddedRange(points, 1);
  const x = Array.from({ length: size }, (_, i) => x0 + ((i + 0.5) / size) * (x1 - x0));
  const y = Array.from({ length: size }, (_, j) => y0 + ((j + 0.5) / size) * (y1 - y0));
  const xy = new Float64Array(size * size * 2);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      xy[(j * size + i) * 2] = x[i];
      xy[(j * size + i) * 2 + 1] = y[j];
    }
  }
  return { x, y, xy };
}

/** What a network computes over a plane grid: the logit and each hidden layer's outputs (n × width). */
export interface PlaneOutputs {
  logit: Float64Array;
  hidden: Float64Array[];
}

/** A run's network (its layout; parameters come with each call). */
export class NetEval {
  readonly mlp: Mlp;
  private readonly inputs: readonly InputFeature[] | null;
  private readonly grids = new WeakMap<PlaneGrid, { X: Float64Array; ws: Workspace }>();

  /** `inputDim`: the network's input dimension (the data's d after any input features). */
  constructor(config: RunConfig, inputDim: number) {
    this.mlp = createMlp(toEngineSpecs(config, inputDim).model, jsBackend);
    this.inputs = config.inputs ?? null;
  }

  /** The weights per layer laid out in `params` (as the worker's snapshots send them). */
  layers(params: ArrayLike<number>): WeightSnapshot["layers"] {
    const flat = params instanceof Float64Array ? params : Float64Array.from(params);
    return this.mlp.layers.map((L, l) => {
      const b = biasView(this.mlp, flat, l);
      return {
        inputs: L.inputs,
        outputs: L.outputs,
        W: Array.from(weightView(this.mlp, flat, l)),
        b: b ? Array.from(b) : null,
      };
    });
  }

  /** The network over a grid of the plane (2-D data: the input features are taken of each grid point). */
  plane(params: ArrayLike<number>, grid: PlaneGrid): PlaneOutputs {
    const n = grid.x.length * grid.y.length;
    let g = this.grids.get(grid);
    if (!g) {
      const X = this.inputs ? planeFeatures(grid.xy, n, this.inputs) : grid.xy;
      g = { X, ws: createWorkspace(this.mlp, n, jsBackend) };
      this.grids.set(grid, g);
    }
    const flat = params instanceof Float64Array ? params : Float64Array.from(params);
    const logits = forward(this.mlp, flat, g.X, n, g.ws, jsBackend);
    const hidden = this.mlp.layers.slice(0, -1).map((L, l) => g.ws.h[l].slice(0, n * L.outputs));
    return { logit: logits.slice(0, n), hidden };
  }
}
