/**
 * Min/max downsampling for line plots (the variant uPlot and the M4/LTTB family use to never hide a
 * spike): the x range is cut into equal buckets (equal in log10 x for log-time axes) and each bucket keeps
 * the points holding its smallest and its largest y, in their original order. The first and last points
 * are always kept. A history of 10^5 points becomes at most `maxPoints` points whose envelope is exactly
 * the envelope of the original at the bucket resolution.
 */

/** Options for {@link downsampleIndices} and {@link downsample}. */
export interface DownsampleOptions {
  /** Maximum number of points kept (default 1000; at least 4). */
  maxPoints?: number;
  /** Cut buckets evenly in log10(x), for log x axes (points with x ≤ 0 are then skipped). Default false. */
  logX?: boolean;
}

/**
 * Indices (ascending) of the points to keep. Points whose x or y is not finite (or x ≤ 0 with `logX`)
 * are never kept; when at most `maxPoints` points remain, all of them are kept.
 */
export function downsampleIndices(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: DownsampleOptions = {},
): number[] {
  if (x.length !== y.length) {
    throw new Error(
      `downsample: x has ${x.length} values but y has ${y.length}; pass arrays of equal length`,
    );
  }
  const maxPoints = options.maxPoints ?? 1000;
  if (!(maxPoints >= 4)) throw new Error(`downsample: maxPoints must be at least 4, got ${maxPoints}`);
  const logX = options.logX ?? false;
  const valid: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (Number.isFinite(xi) && Number.isFinite(y[i]) && (!logX || xi > 0)) valid.push(i);
  }
  if (valid.length <= maxPoints) return valid;

  const pos = (i: number): number => (logX ? Math.log10(x[i]) : x[i]);
  let umin = Number.POSITIVE_INFINITY;
  let umax = Number.NEGATIVE_INFINITY;
  for (const i of valid) {
    const u = pos(i);
    if (u < umin) umin = u;
    if (u > umax) umax = u;
  }
  const first = valid[0];
  const last = valid[valid.length - 1];
  const buckets = Math.floor((maxPoints - 2) / 2);
  const span = umax - umin;
  const minIdx = new Int32Array(buckets).fill(-1);
  const maxIdx = new Int32Array(buckets).fill(-1);
  for (let k = 1; k < valid.length - 1; k++) {
    const i = valid[k];
    let b =
      span > 0 ? Math.floor(((pos(i) - umin) / span) * buckets) : Math.floor((k / valid.length) * buckets);
    if (b >= buckets) b = buckets - 1;
    if (b < 0) b = 0;
    if (minIdx[b] < 0 || y[i] < y[minIdx[b]]) minIdx[b] = i;
    if (maxIdx[b] < 0 || y[i] > y[maxIdx[b]]) maxIdx[b] = i;
  }
  const keep = new Set<number>([first, last]);
  for (let b = 0; b < buckets; b++) {
    if (minIdx[b] >= 0) keep.add(minIdx[b]);
    if (maxIdx[b] >= 0) keep.add(maxIdx[b]);
  }
  return [...keep].sort((a, b) => a - b);
}

/** The downsampled points themselves (see {@link downsampleIndices}). */
export function downsample(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: DownsampleOptions = {},
): { x: number[]; y: number[] } {
  const idx = downsampleIndices(x, y, options);
  return { x: idx.map((i) => x[i]), y: idx.map((i) => y[i]) };
}
