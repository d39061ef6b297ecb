import { describe, expect, it } from "vitest";
import { runSweep } from "../../src/node/sweep-runner.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { tempPath } from "../node/store/helpers.js";
import { smallSpec } from "../sweep/fixtures.js";

/**
 * Resuming costs in proportion to what is stored, not to the spec's size. With 10¹⁵ points, anything that
 * walks the plan before the first run (as resume did, counting the shard's stored runs) never ends, so
 * this test times out instead of passing.
 */
describe("resuming a huge sweep", () => {
  it("a 10¹⁵-point sweep (--yes) resumes at once: skips what is stored and runs the next points", async () => {
    // 1000⁵ = 10¹⁵ points (the axes are few values each, so checking them before the start stays short).
    const count = 1000;
    const huge = parseSweepSpec(
      smallSpec({
        name: "huge",
        axes: [
          { field: "optimizer.lr", range: { from: 0.01, to: 0.2, count, scale: "log" } },
          { field: "init.scale", range: { from: 0.01, to: 1, count, scale: "log" } },
          { field: "train.steps", range: { from: 10, to: 1009, count, scale: "linear" } },
          { field: "optimizer.momentum", range: { from: 0, to: 0.5, count, scale: "linear" } },
          { field: "optimizer.weightDecay", range: { from: 0, to: 0.01, count, scale: "linear" } },
        ],
        seeds: 1,
      }),
    );
    for (const shard of [undefined, { index: 1, count: 7 }]) {
      const storePath = tempPath("huge.db");
      const first = await runSweep({ spec: huge, storePath, workers: 0, yes: true, limit: 2, shard });
      expect(first.points).toBe(1e15);
      const again = await runSweep({ spec: huge, storePath, workers: 0, yes: true, limit: 2, shard });
      expect(again.skipped).toBe(2);
      expect(again.ran.done + again.ran.diverged + again.ran.stopped + again.ran.failed).toBe(2);
    }
  }, 60_000);
});
