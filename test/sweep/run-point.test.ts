import { describe, expect, it } from "vitest";
import { planSweep } from "../../src/sweep/expand.js";
import { taskOf } from "../../src/sweep/run-chunk.js";
import { downsampleIndices, type PointTask, readScalar, runPoint } from "../../src/sweep/run-point.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { smallSpec } from "./fixtures.js";

/** A point of smallSpec as the sweep hands it to runPoint (run-chunk's taskOf). */
function task(index: number, seedIndex = 0): PointTask {
  const t = taskOf(planSweep(parseSweepSpec(smallSpec())), index, seedIndex);
  if ("status" in t) throw new Error(`smallSpec point ${index} has no valid config: ${t.error}`);
  return t;
}

describe("runPoint", () => {
  it("keeps the final scalars and a downsampled history", () => {
    const r = runPoint(task(0));
    expect(r.status).toBe("done");
    expect(r.steps).toBe(60);
    const kept = Object.keys(r.scalars).filter((k) => !k.startsWith("regime."));
    expect(kept).toEqual(["loss", "error", "marginMin", "steps"]);
    // The regime meter's verdict rides along (the default dense Gaussian first layer is not the theory's).
    expect(r.scalars["regime.holds"]).toBe(0);
    expect(r.scalars["regime.firstLayer.holds"]).toBe(0);
    expect(r.scalars["regime.flowStep.holds"]).toBe(1);
    expect(r.scalars.steps).toBe(60);
    expect(typeof r.scalars.marginMin).toBe("number");
    expect(r.history).toHaveLength(3);
    expect(r.history?.[2].step).toBe(60);
  });
  it("is deterministic", () => {
    const a = runPoint(task(4, 1));
    const b = runPoint(task(4, 1));
    expect({ ...a, seconds: 0 }).toEqual({ ...b, seconds: 0 });
  });
  it("reports divergence as a status", () => {
    const r = runPoint(task(6));
    expect(r.values[0]).toBe(1e5);
    expect(r.status).toBe("diverged");
  });
  it("turns a throwing run into a failed result", () => {
    const t = task(0);
    const r = runPoint({ ...t, config: { ...t.config, probes: { ...t.config.probes, include: ["nope"] } } });
    expect(r.status).toBe("failed");
    expect(r.error).toContain('unknown probe "nope"');
    expect(r.scalars.loss).toBeNull();
  });
});

describe("scalars and downsampling", () => {
  it("reads record fields, array entries and steps", () => {
    const last = { step: 5, t: 1, loss: 0.5, error: 0, response: [1, 2], "accuracy:B-only": 0.75 };
    expect(readScalar("loss", last, 5)).toBe(0.5);
    expect(readScalar("response.1", last, 5)).toBe(2);
    expect(readScalar("response[0]", last, 5)).toBe(1);
    expect(readScalar("accuracy:B-only", last, 5)).toBe(0.75);
    expect(readScalar("steps", last, 7)).toBe(7);
    expect(readScalar("missing", last, 5)).toBeNull();
  });
  it("downsamples evenly with both ends", () => {
    expect(downsampleIndices(3, 5)).toEqual([0, 1, 2]);
    expect(downsampleIndices(11, 3)).toEqual([0, 5, 10]);
  });
});
