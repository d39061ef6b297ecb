/**
 * Chunked gradient accumulation: the gradient over N points as the sum of the gradients of consecutive
 * chunks (forward and backward of `chunk` rows at a time), so a large data set needs workspace for one
 * chunk only. Each chunk's loss gradient is already divided by N (the caller's `lossGradient`), so the
 * sum is the full-batch gradient.
 *
 * Summation order: the backward pass sums a weight's gradient over the rows of its pass; in chunks it
 * sums within each chunk and then adds the chunk sums in order. That is the same real number, rounded
 * differently, so a chunked run equals the one-pass run to rounding, not bit for bit (measured in
 * test/train/accumulate.test.ts, 300 points, a 16-16 tanh net: worst relative difference per gradient
 * component 2.4e-13 with chunks of 64, 3.8e-13 with chunks of 7, the worst being small components; the
 * recorded loss after 50 Adam steps with chunks of 32 differs by 5.4e-16 relative). The trainer
 * takes the one-pass path whenever the chunk holds all points, so there the bits are the unchunked ones.
 */
import type { Backend } from "../engine/backend.js";
import type { Mlp } from "../engine/mlp.js";
import { backward, forward } from "../engine/propagate.js";
import type { Workspace } from "../engine/workspace.js";

/** What {@link accumulateGradient} works on. */
export interface ChunkedPass {
  mlp: Mlp;
  backend: Backend;
  /** Inputs (n × d rows, in the backend's memory) and labels of all points. */
  x: Float64Array;
  y: Float64Array;
  n: number;
  d: number;
  /** A workspace of at least `chunk` rows. */
  ws: Workspace;
  chunk: number;
  /** Receives every point's logit (length ≥ n): the loss and the probes read them after the pass. */
  logits: Float64Array;
}

/** Forward passes over all points in chunks, logits into `pass.logits` (no gradient). */
export function forwardChunks(pass: ChunkedPass): void {
  const { mlp, backend, x, n, d, ws, chunk } = pass;
  for (let start = 0; start < n; start += chunk) {
    const rows = Math.min(chunk, n - start);
    const out = forward(mlp, mlp.params, x.subarray(start * d, (start + rows) * d), rows, ws, backend);
    pass.logits.set(out.subarray(0, rows), start);
  }
}

/**
 * The sum over chunks of each chunk's gradient into `grad` (`chunkGrad`: scratch of the same size, both
 * buffers of the backend). `lossGradient(logits, y, rows, dLogits)` writes ∂L/∂f of a chunk's rows.
 */
export function accumulateGradient(
  pass: ChunkedPass,
  grad: Float64Array,
  chunkGrad: Float64Array,
  lossGradient: (logits: Float64Array, y: Float64Array, rows: number, dLogits: Float64Array) => void,
): void {
  const { mlp, backend, x, y, n, d, ws, chunk } = pass;
  for (let start = 0; start < n; start += chunk) {
    const rows = Math.min(chunk, n - start);
    const X = x.subarray(start * d, (start + rows) * d);
    const out = forward(mlp, mlp.params, X, rows, ws, backend);
    pass.logits.set(out.subarray(0, rows), start);
    lossGradient(out, y.subarray(start, start + rows), rows, ws.dLogits);
    backward(mlp, mlp.params, X, rows, ws, backend, chunkGrad);
    if (start === 0) grad.set(chunkGrad);
    else for (let k = 0; k < grad.length; k++) grad[k] += chunkGrad[k];
  }
}
