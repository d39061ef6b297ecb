import { describe, expect, it } from "vitest";
import { runAdaptiveSweep } from "../../src/node/adaptive-runner.js";
import { readAdaptiveCells } from "../../src/node/store/adaptive-cells.js";
import { openStore } from "../../src/node/store/store.js";
import { refineAdaptive } from "../../src/sweep/adaptive.js";
import { outcomeOf } from "../../src/sweep/adaptive-spec.js";
import { sweepEvaluator } from "../../src/sweep/adaptive-sweep.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { comparable, tempPath } from "./store/helpers.js";

/** The failure-adaptive built-in, coarser (1/40 instead of 1/320) so it trains in a second. */
function smallFailureSpec() {
  const spec = builtinSweep("failure-adaptive");
  return parseSweepSpec({ ...spec, adaptive: { ...spec.adaptive, resolution: 0.2 / 8 } });
}

const order = <T extends { level: number; lo: number[] }>(cells: T[]) =>
  [...cells].sort((a, b) => a.level - b.level || JSON.stringify(a.lo).localeCompare(JSON.stringify(b.lo)));

describe("runAdaptiveSweep", () => {
  it("stores the runs and cells that refineAdaptive finds with the library's sweepEvaluator", async () => {
    const spec = smallFailureSpec();
    const path = tempPath("adaptive.db");
    const summary = await runAdaptiveSweep({ spec, storePath: path, workers: 0 });
    const rule = spec.adaptive?.outcome as NonNullable<typeof spec.adaptive>["outcome"];
    const expected = await refineAdaptive(
      {
        bounds: [
          [0.05, 1.25],
          [-1.24, 0.76],
        ],
        initial: [6, 10],
        resolution: 0.2 / 8,
      },
      sweepEvaluator(spec, { outcome: (r) => outcomeOf(rule, r.status, r.scalars) }),
    );
    expect(summary.runs).toBe(expected.runs);
    expect(summary.ran.done).toBe(expected.runs);
    expect(summary.boundaryCells).toBe(expected.cells.filter((c) => c.reason === "at-resolution").length);
    expect(summary.boundaryCells).toBeGreaterThan(50);
    const store = openStore(path);
    try {
      const runs = store.runs();
      expect(runs).toHaveLength(expected.runs);
      // Every stored run's outcome is the evaluator's at the same coordinates (same seeds, same bits).
      const byCoords = new Map(expected.points.map((p) => [JSON.stringify(p.coords), p.outcomes[0]]));
      for (const r of runs) expect(outcomeOf(rule, r.status, r.scalars)).toBe(byCoords.get(r.pointKey));
      expect(order(readAdaptiveCells(store.db))).toEqual(order(expected.cells));
    } finally {
      store.close();
    }
  });

  it("resumes from its store: nothing is trained again and the store is unchanged", async () => {
    const spec = smallFailureSpec();
    const path = tempPath("adaptive-resume.db");
    await runAdaptiveSweep({ spec, storePath: path, workers: 0 });
    const read = () => {
      const s = openStore(path);
      try {
        return { runs: comparable(s.runs()), cells: readAdaptiveCells(s.db) };
      } finally {
        s.close();
      }
    };
    const before = read();
    const again = await runAdaptiveSweep({ spec, storePath: path, workers: 0 });
    expect(again.ran).toEqual({ done: 0, stopped: 0, diverged: 0, failed: 0 });
    expect(again.skipped).toBe(again.runs);
    expect(read()).toEqual(before);
  });

  it("runs seed replicates: each point's seeds are stored, and a point whose seeds disagree is split", async () => {
    // A Gaussian start of scale s: whether the 1-unit net learns the one point depends on the seed's
    // draw of (a0, b0), so mid-range scales give mixed outcomes across seeds.
    const spec = parseSweepSpec({
      name: "noisy",
      base: {
        data: { kind: "orthogonal", norms: [1], labels: "positive" },
        model: { hidden: [1], activation: "relu", bias: false },
        init: { scheme: "gaussian", scale: 0.5 },
        loss: { kind: "ce", reduction: "sum" },
        optimizer: { kind: "gd", lr: 0.05 },
        train: { steps: 200 },
      },
      axes: [
        { field: "init.scale", range: { from: 0.1, to: 1, count: 3 } },
        { field: "optimizer.lr", range: { from: 0.05, to: 0.5, count: 3 } },
      ],
      seeds: 4,
      keep: { scalars: ["error"] },
      adaptive: { resolution: 0.2, outcome: { scalar: "error", cuts: [0.5], labels: ["learned", "failed"] } },
    });
    const path = tempPath("adaptive-seeds.db");
    const summary = await runAdaptiveSweep({ spec, storePath: path, workers: 0 });
    const store = openStore(path);
    try {
      const runs = store.runs();
      expect(runs).toHaveLength(summary.runs);
      expect(new Set(runs.map((r) => r.seedIndex))).toEqual(new Set([0, 1, 2, 3]));
      expect(new Set(runs.map((r) => r.seed)).size).toBe(runs.length);
      const cells = readAdaptiveCells(store.db);
      expect(cells.some((c) => c.reason === "replicates-differ")).toBe(true);
    } finally {
      store.close();
    }
  });
});
