import { closeSync, mkdtempSync, openSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rng } from "../../../src/engine/rng.js";
import { openStore, type StoredRun } from "../../../src/node/store/store.js";
import { storeSpecOf } from "../../../src/node/sweep-runner.js";
import { planSweep, pointConfig } from "../../../src/sweep/expand.js";
import { contentHash } from "../../../src/sweep/hash.js";
import { type PointResult, runPoint } from "../../../src/sweep/run-point.js";
import { parseSweepSpec, type SweepSpecInput } from "../../../src/sweep/spec.js";
import { smallSpec } from "../../sweep/fixtures.js";

export function tempPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), "learndyn-store-")), name);
}

/** The plan, store spec and a function running (point, seed) of a spec. */
export function setup(input: SweepSpecInput) {
  const plan = planSweep(parseSweepSpec(input));
  const run = (index: number, seedIndex: number): PointResult => {
    const point = plan.pointAt(index);
    const config = pointConfig(plan, point, seedIndex);
    return runPoint({ ...point, seedIndex, config, configHash: contentHash(config), keep: plan.spec.keep });
  };
  return { plan, storeSpec: storeSpecOf(plan), run };
}

/** A stored run without its wall time (the part that must be identical between runs). */
export function comparable(runs: StoredRun[]): Omit<StoredRun, "seconds">[] {
  return runs.map(({ seconds: _s, ...rest }) => rest);
}

/**
 * A store of `n` runs (copies of one real run of smallSpec under distinct point keys, so it is quick to
 * make) at `path`; returns the runs as written.
 */
export function storeOfRuns(path: string, n: number): PointResult[] {
  const { storeSpec, run } = setup(smallSpec());
  const one = run(0, 0);
  const results = Array.from({ length: n }, (_, i) => ({
    ...one,
    index: i,
    key: `p${i}`,
    values: [i, i / 2],
    scalars: { ...one.scalars, loss: i / n },
  }));
  const store = openStore(path, storeSpec);
  try {
    for (let i = 0; i < n; i += 50) store.writeRuns(results.slice(i, i + 50));
  } finally {
    store.close();
  }
  return results;
}

/** Overwrites `length` bytes in the middle of a file with seeded garbage (a damaged disk, a bad copy). */
export function damageMiddle(path: string, length = 4096, seed = 7): void {
  const rng = new Rng(seed);
  const garbage = Buffer.from(Array.from({ length }, () => Math.floor(rng.uniform() * 256)));
  const fd = openSync(path, "r+");
  try {
    writeSync(fd, garbage, 0, length, Math.floor(statSync(path).size / 2) + 123);
  } finally {
    closeSync(fd);
  }
}
