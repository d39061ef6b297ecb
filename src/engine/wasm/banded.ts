import type { GemmKernel } from "../threads/helper.js";
import { KC } from "./kernels.js";

/**
 * Rows of C per kernel call when the product has several k-blocks. The kernel finishes one k-block for
 * all of C's rows before the next, so a tall C (Colored MNIST: 50,000 × 300) is streamed from memory
 * once per k-block; bands of 512 rows keep C's band in L2 across k-blocks. B is packed again per band:
 * n·k copies per 512·n·k multiply-adds. Measured at 50000×300×392, one thread: 4.9–12.8 GFLOP/s
 * unbanded, 21.7 with 512 rows (256: 21.6, 64: 19.7).
 */
export const BAND_ROWS = 512;

/**
 * kernel(A, B, C, m, n, k, pk, sa) in bands of BAND_ROWS rows of C when k spans several k-blocks; each
 * output is the same sum either way (bands only choose which outputs a call computes).
 */
export function gemmBanded(
  kernel: GemmKernel,
  transA: boolean,
  A: number,
  B: number,
  C: number,
  m: number,
  n: number,
  k: number,
  pk: number,
  sa: number,
): void {
  if (k <= KC || m <= BAND_ROWS) {
    kernel(A, B, C, m, n, k, pk, sa);
    return;
  }
  for (let r = 0; r < m; r += BAND_ROWS)
    kernel(A + 8 * (transA ? r : r * sa), B, C + 8 * r * n, Math.min(BAND_ROWS, m - r), n, k, pk, sa);
}
