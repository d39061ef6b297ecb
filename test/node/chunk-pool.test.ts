import { describe, expect, it } from "vitest";
import { createChunkPool } from "../../src/node/chunk-pool.js";
import { adaptivePlan } from "../../src/sweep/adaptive-plan.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { runChunk } from "../../src/sweep/run-chunk.js";

describe("createChunkPool", () => {
  it("in this thread (0 workers) gives runChunk's results, over an adaptive plan's lattice points", async () => {
    const plan = adaptivePlan(builtinSweep("failure-adaptive"));
    const pool = createChunkPool(plan, 0);
    const chunk = { runs: [0, 0, 5, 0, plan.pointCount - 1, 0], maxRuns: 3 };
    const results = await pool.run(chunk);
    await pool.close();
    const strip = (rs: typeof results) => rs.map(({ seconds: _s, ...r }) => r);
    expect(strip(results)).toEqual(strip(runChunk(plan, chunk)));
    expect(results.map((r) => r.values)).toEqual(
      [plan.pointAt(0), plan.pointAt(5), plan.pointAt(plan.pointCount - 1)].map((p) => p.values),
    );
  });
});
