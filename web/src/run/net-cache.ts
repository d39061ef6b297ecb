/**
 * The page's evaluators of the run on screen, made once per run: its network (from the config) and the
 * grids over its input plane, so every frame, thumbnail and scrub reuses them.
 */
import type { RunView } from "../components/run-view.js";
import { NetEval, type PlaneGrid, planeGrid } from "../worker/net-eval.js";
import { type DataInfo, GRID_SIZE } from "../worker/run-types.js";

const nets = new WeakMap<object, NetEval>();
const grids = new WeakMap<object, Map<number, PlaneGrid>>();

/** The run's network (layout only: parameters come with each evaluation). */
export function netFor(run: RunView): NetEval {
  let net = nets.get(run.config);
  if (!net) {
    net = new NetEval(run.config, run.info.d);
    nets.set(run.config, net);
  }
  return net;
}

/** A size × size grid over the run's 2-D points (GRID_SIZE: the worker's decision grid), or null. */
export function gridFor(info: DataInfo, size = GRID_SIZE): PlaneGrid | null {
  const pts = info.points2d;
  if (!pts) return null;
  let bySize = grids.get(info);
  if (!bySize) {
    bySize = new Map();
    grids.set(info, bySize);
  }
  let g = bySize.get(size);
  if (!g) {
    const xy = new Float64Array(2 * pts.x.length);
    pts.x.forEach((v, i) => {
      xy[2 * i] = v;
      xy[2 * i + 1] = pts.y[i];
    });
    g = planeGrid(xy, size);
    bySize.set(size, g);
  }
  return g;
}
