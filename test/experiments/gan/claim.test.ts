import { describe, expect, it } from "vitest";
import { ganBenchExperiment } from "../../../src/experiments/gan/claim.js";
import { GAN_SCALES } from "../../../src/experiments/gan/settings.js";
import { selectExperiments } from "../../../src/experiments/registry.js";

describe("GAN bench (G1)", () => {
  it("runs the whole grid at a tiny size: checks, figures, configs", () => {
    const r = ganBenchExperiment.runWith(
      {
        ...GAN_SCALES.default,
        seeds: 2,
        width: 8,
        batchSize: 16,
        iterations: 40,
        recordEvery: 10,
        snapshotPoints: 50,
      },
      { seed: 1 },
    );
    expect(r.claim).toBe("G1");
    // per data set: 2 mode checks, stability, Adam vs SGD, three mechanism checks
    expect(r.checks).toHaveLength(14);
    for (const c of r.checks) expect(typeof c.pass).toBe("boolean");
    expect(r.summary.join(" ")).toMatch(
      /Verdict: ring: hinge vs cross-entropy under Adam (SUPPORTS G1|partly supports G1|does NOT support G1)/,
    );
    expect(r.figures.map((f) => f.name).sort()).toEqual(
      [
        "active-grid",
        "active-ring",
        "logits-grid",
        "logits-ring",
        "modes-over-time-grid",
        "modes-over-time-ring",
        "samples-grid",
        "samples-ring",
        "table",
      ].sort(),
    );
    expect(Object.keys(r.configs)).toHaveLength(12);
    const table = r.figures.find((f) => f.name === "table");
    expect(table?.figure.data).toHaveLength(12 * 5);
  });

  it("default scale: ≥ 10 seeds; full scale keeps the literature-sized networks", () => {
    expect(GAN_SCALES.default.seeds).toBeGreaterThanOrEqual(10);
    expect(GAN_SCALES.full.width).toBe(128);
  });

  it("is an extra experiment: run only when named", () => {
    expect(selectExperiments([]).map((e) => e.id)).not.toContain("gan");
    expect(selectExperiments(["gan"])[0].claim).toBe("G1");
  });
});
