import { describe, expect, it } from "vitest";
import { createGroupCommit } from "../../src/node/group-commit.js";
import type { PointResult } from "../../src/sweep/run-point.js";

const run = (index: number) => ({ index }) as unknown as PointResult;

describe("createGroupCommit", () => {
  it("writes a batch as soon as maxRuns wait, in arrival order", () => {
    const writes: number[][] = [];
    const g = createGroupCommit((rs) => writes.push(rs.map((r) => r.index)), {
      maxRuns: 3,
      maxDelayMs: 60_000,
    });
    for (let i = 0; i < 7; i++) g.add(run(i));
    expect(writes).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(g.waiting).toBe(1);
    g.flush();
    expect(writes[2]).toEqual([6]);
    expect(g.committed).toBe(7);
    g.flush();
    expect(writes).toHaveLength(3);
  });

  it("writes a partial batch after maxDelayMs (the bound on what a kill can lose)", async () => {
    const writes: number[][] = [];
    const g = createGroupCommit((rs) => writes.push(rs.map((r) => r.index)), {
      maxRuns: 100,
      maxDelayMs: 20,
    });
    g.add(run(0));
    g.add(run(1));
    expect(writes).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(writes).toEqual([[0, 1]]);
    expect(g.waiting).toBe(0);
  });

  it("maxRuns 1 commits every run alone", () => {
    const writes: number[][] = [];
    const g = createGroupCommit((rs) => writes.push(rs.map((r) => r.index)), { maxRuns: 1 });
    g.add(run(0));
    g.add(run(1));
    expect(writes).toEqual([[0], [1]]);
  });

  it("refuses nonsense options", () => {
    expect(() => createGroupCommit(() => {}, { maxRuns: 0 })).toThrow(/maxRuns/);
    expect(() => createGroupCommit(() => {}, { maxDelayMs: Number.NaN })).toThrow(/maxDelayMs/);
  });

  it("keeps a failed write's runs out of the committed count", () => {
    const g = createGroupCommit(
      () => {
        throw new Error("disk full");
      },
      { maxRuns: 2 },
    );
    g.add(run(0));
    expect(() => g.add(run(1))).toThrow(/disk full/);
    expect(g.committed).toBe(0);
  });
});
