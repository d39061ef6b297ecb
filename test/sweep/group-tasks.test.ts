import { describe, expect, it } from "vitest";
import { defaultBatchRuns, groupTasks } from "../../src/sweep/group-tasks.js";
import type { PointResult, PointTask } from "../../src/sweep/run-point.js";
import { runPoint } from "../../src/sweep/run-point.js";
import { batchSignature } from "../../src/train/batched/signature.js";
import { mixedSpec, tasksOf } from "./fixtures.js";

const tasks = tasksOf(mixedSpec());
const id = (t: PointTask) => `${t.key}|${t.seedIndex}`;

describe("groupTasks", () => {
  it("puts every task out exactly once, in batches of one signature no larger than maxRuns", () => {
    for (const maxRuns of [1, 2, 5, 256]) {
      const out = [...groupTasks(tasks, maxRuns)] as PointTask[][];
      expect(out.flat().map(id).sort()).toEqual(tasks.map(id).sort());
      for (const group of out) {
        expect(group.length).toBeLessThanOrEqual(maxRuns);
        const signatures = new Set(group.map((t) => batchSignature(t.config)));
        expect(signatures.size).toBe(1);
        // A run that cannot be batched (momentum) is always alone.
        if (group.length > 1) expect(batchSignature(group[0].config)).not.toBeNull();
      }
    }
  });

  it("batches the batchable runs: 6 without momentum per width give two batches of 6; the 12 with momentum go alone", () => {
    const out = [...groupTasks(tasks, 256)] as PointTask[][];
    const sizes = out.map((g) => g.length).sort((a, b) => b - a);
    expect(sizes.slice(0, 2)).toEqual([6, 6]);
    expect(sizes.slice(2).every((n) => n === 1)).toBe(true);
    expect(out).toHaveLength(2 + 12);
  });

  it("keeps at most maxWaiting runs waiting: the fullest group goes early", () => {
    const out = [...groupTasks(tasks, 100, 3)] as PointTask[][];
    expect(out.flat()).toHaveLength(tasks.length);
    expect(Math.max(...out.map((g) => g.length))).toBeLessThanOrEqual(4);
  });

  it("passes finished results through, and refuses a batch size that is not a positive integer", () => {
    const failed = { ...runPoint(tasks[0]), status: "failed" } as PointResult;
    const out = [...groupTasks([failed, tasks[1]], 8)];
    expect(out[0]).toBe(failed);
    expect(() => [...groupTasks(tasks, 0)]).toThrow(/maxRuns must be an integer ≥ 1, got 0/);
  });

  it("sizes default batches so each worker gets about four", () => {
    expect(defaultBatchRuns(2352, 2)).toBe(256);
    expect(defaultBatchRuns(240, 2)).toBe(30);
    expect(defaultBatchRuns(3, 0)).toBe(1);
  });
});
