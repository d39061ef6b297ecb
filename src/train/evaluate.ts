import type { Dataset } from "../data/dataset.js";
import type { Backend } from "../engine/backend.js";
import type { Mlp } from "../engine/mlp.js";
import { forward } from "../engine/propagate.js";
import { createWorkspace, type Workspace } from "../engine/workspace.js";

/**
 * The probes' `evaluate(ds)`: the model's logits on any data set at the current parameters (a copy).
 * Per set size, a workspace and an input buffer in the backend's memory are made once (a backend that
 * keeps its own memory frees nothing until the run ends, so nothing may be allocated per record).
 * `trainX` is the training inputs where the kernels already read them.
 */
export function createEvaluator(
  mlp: Mlp,
  backend: Backend,
  train: Dataset,
  trainX: Float64Array,
): (ds: Dataset) => Float64Array {
  const evaluations = new Map<number, { w: Workspace; x: Float64Array }>();
  return (ds) => {
    let e = evaluations.get(ds.n);
    if (!e) {
      e = { w: createWorkspace(mlp, ds.n, backend), x: backend.alloc(ds.n * ds.d) };
      evaluations.set(ds.n, e);
    }
    let x = ds.x;
    if (ds === train) x = trainX;
    else if (backend.owns && !backend.owns(x) && ds.d * ds.n === e.x.length) {
      e.x.set(ds.x.subarray(0, ds.n * ds.d));
      x = e.x;
    }
    return Float64Array.from(forward(mlp, mlp.params, x, ds.n, e.w, backend).subarray(0, ds.n));
  };
}
