/** One of N deterministic slices of a sweep's points: point i belongs to shard i mod N. */
export interface Shard {
  /** This shard, 0-based (0 ≤ index < count). */
  index: number;
  /** Number of shards. */
  count: number;
}

/**
 * Parses "i/N" (0 ≤ i < N), e.g. "3/16" or Slurm's "$SLURM_ARRAY_TASK_ID/16"; throws explaining the form.
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`--shard "${text}": expected i/N with 0 ≤ i < N, e.g. --shard 0/4`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new Error(`--shard "${text}": the number of shards N must be ≥ 1`);
  if (index >= count) {
    throw new Error(
      `--shard "${text}": shard index ${index} must be < N = ${count} (shards are numbered 0..N−1)`,
    );
  }
  return { index, count };
}

/** Whether point `pointIndex` belongs to `shard` (every point is in exactly one of the N shards). */
export function inShard(pointIndex: number, shard: Shard | undefined): boolean {
  return !shard || pointIndex % shard.count === shard.index;
}

/** "3/16", or "" for no shard. */
export function formatShard(shard: Shard | undefined): string {
  return shard ? `${shard.index}/${shard.count}` : "";
}
