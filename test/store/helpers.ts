import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeSpecOf } from "../../src/cli/sweep-runner.js";
import type { StoredRun } from "../../src/store/store.js";
import { planSweep, pointConfig } from "../../src/sweep/expand.js";
import { contentHash } from "../../src/sweep/hash.js";
import { type PointResult, runPoint } from "../../src/sweep/run-point.js";
import { parseSweepSpec, type SweepSpecInput } from "../../src/sweep/spec.js";

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
