import { describe, expect, it } from "vitest";
import { groupTasks } from "../../src/sweep/group-tasks.js";
import { type PointTask, runPoint } from "../../src/sweep/run-point.js";
import { runPointBatch } from "../../src/sweep/run-point-batch.js";
import { mixedSpec, tasksOf } from "./fixtures.js";

const noTime = <T extends { seconds: number }>(r: T) => ({ ...r, seconds: 0 });

describe("runPointBatch", () => {
  it("gives every task of a batch exactly runPoint's result (diverging runs included)", () => {
    const groups = [...groupTasks(tasksOf(mixedSpec()), 256)] as PointTask[][];
    const batches = groups.filter((g) => g.length > 1);
    expect(batches).toHaveLength(2);
    for (const batch of batches) {
      const results = runPointBatch(batch);
      expect(results.map((r) => r.status)).toContain("diverged");
      expect(results.map(noTime)).toEqual(batch.map((t) => noTime(runPoint(t))));
    }
  });

  it("runs each task alone when the batch cannot train, so only the broken run fails", () => {
    const batch = ([...groupTasks(tasksOf(mixedSpec()), 256)] as PointTask[][]).find((g) => g.length > 1);
    if (!batch) throw new Error("no batch");
    const broken = batch.map((t, r) =>
      r === 2 ? { ...t, config: { ...t.config, probes: { ...t.config.probes, include: ["nope"] } } } : t,
    );
    const results = runPointBatch(broken);
    expect(results[2].status).toBe("failed");
    expect(results[2].error).toMatch(/unknown probe "nope"/);
    expect(results.filter((_, r) => r !== 2).map(noTime)).toEqual(
      batch.filter((_, r) => r !== 2).map((t) => noTime(runPoint(t))),
    );
  });
});
