import type { Dataset } from "../data/dataset.js";
import type { Rng, RngState } from "../engine/rng.js";

/** Where a minibatch order stands, as plain data (checkpoints, stages that keep their batch order). */
export interface BatchOrderState {
  /** The shuffling generator's state. */
  rng: RngState;
  /** The current permutation of the training points. */
  order: number[];
  /** Position in `order` of the next point (order.length: exhausted, the next batch reshuffles). */
  cursor: number;
}

/**
 * Minibatches drawn without replacement: the points in a shuffled order, reshuffled whenever the order
 * runs out (also in the middle of a batch), so every point is seen once per epoch.
 */
export interface Batches {
  /** Copies the next `batchSize` points into `x` (rows) and `y`. */
  fill(x: Float64Array, y: Float64Array): void;
  state(): BatchOrderState;
  restore(state: BatchOrderState): void;
}

/** The batch order of a run; `x` is the data's inputs where the kernels read them (`resident`). */
export function createBatches(train: Dataset, x: Float64Array, batchSize: number, rng: Rng): Batches {
  const { n, d } = train;
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let cursor = n; // starts exhausted so the first batch shuffles
  return {
    fill(bx, by) {
      for (let b = 0; b < batchSize; b++) {
        if (cursor >= n) {
          rng.shuffle(order);
          cursor = 0;
        }
        const i = order[cursor++];
        bx.set(x.subarray(i * d, (i + 1) * d), b * d);
        by[b] = train.y[i];
      }
    },
    state: () => ({ rng: rng.state(), order: Array.from(order), cursor }),
    restore(state) {
      if (state.order.length !== n)
        throw new Error(
          `batch order holds ${state.order.length} points, the training set ${n}: same data needed`,
        );
      rng.restore(state.rng);
      order.set(state.order);
      cursor = state.cursor;
    },
  };
}
