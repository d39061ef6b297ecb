import { describe, expect, it } from "vitest";
import { c5Experiment } from "../../../src/experiments/c5-feature-frequency/claim.js";
import { measureDenseFeatureTimes } from "../../../src/experiments/c5-feature-frequency/dense-limit.js";
import { measureFeatureLearningTime } from "../../../src/experiments/c5-feature-frequency/feature-time.js";
import { verdict } from "../../../src/experiments/experiment.js";
import { crossingTime } from "../../../src/kit/measure/feature-response.js";

describe("C5: time to learn a feature (P10)", () => {
  it("2 layers: measured time matches the mode ODE at non-default p, r, ε", () => {
    for (const o of [
      { p: 0.3, r: 1.5, a0: 0.05 },
      { p: 0.15, r: 0.7, a0: 0.01 },
    ]) {
      const res = measureFeatureLearningTime({ ...o, n: 100, lr: 0.02 });
      expect(Math.abs(res.measured / res.exact - 1)).toBeLessThan(0.02);
      // Leading order of THEORY.md §5 is within its dropped O(1/(pr)) term.
      expect(Math.abs(res.approx / res.measured - 1)).toBeLessThan(
        0.7 / Math.log(1 / (o.r * res.eps)) + 0.02,
      );
    }
  });

  it("ratio of times = inverse ratio of p at equal norm; slope −1 holds for depth 3 at other a0", () => {
    const a = measureFeatureLearningTime({ p: 0.1, r: 1.3, a0: 0.04, n: 100, lr: 0.02 });
    const b = measureFeatureLearningTime({ p: 0.6, r: 1.3, a0: 0.04, n: 100, lr: 0.02 });
    expect(a.measured / b.measured).toBeCloseTo(6, 1);
    const d3a = measureFeatureLearningTime({ p: 0.1, r: 0.8, a0: 0.15, depth: 3, n: 100, lr: 0.02 });
    const d3b = measureFeatureLearningTime({ p: 0.5, r: 0.8, a0: 0.15, depth: 3, n: 100, lr: 0.02 });
    expect(d3a.measured / d3b.measured).toBeCloseTo(5, 1);
    expect(Math.abs(d3a.measured / d3a.exact - 1)).toBeLessThan(0.02);
    expect(Math.abs(d3a.measured / d3a.approx - 1)).toBeLessThan(0.2);
  });

  it("the ReLU ± pair takes twice as long (each path sees half the carriers), depth 4 too", () => {
    const lin = measureFeatureLearningTime({ p: 0.25, r: 1, a0: 0.25, depth: 4, n: 100, lr: 0.02 });
    const relu = measureFeatureLearningTime({
      p: 0.25,
      r: 1,
      a0: 0.25,
      depth: 4,
      n: 100,
      lr: 0.02,
      network: "relu-pair",
    });
    expect(relu.measured / lin.measured).toBeCloseTo(2, 1);
    expect(Math.abs(relu.measured / relu.exact - 1)).toBeLessThan(0.02);
  });

  it("a larger learning rate makes GD deviate from the flow (the limit is measurable)", () => {
    const res = measureFeatureLearningTime({ p: 0.2, r: 1, a0: 0.03, n: 100, lrRate: 1 });
    expect(res.measured / res.exact - 1).toBeGreaterThan(0.05);
  });

  it("crossingTime interpolates in log y", () => {
    expect(
      crossingTime(
        [
          { x: 0, y: 0.1 },
          { x: 1, y: 10 },
        ],
        1,
      ),
    ).toBeCloseTo(0.5, 12);
    expect(crossingTime([{ x: 0, y: 0.1 }], 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("dense ReLU net: rarer features are still learned later", () => {
    const res = measureDenseFeatureTimes({
      features: [
        { p: 0.2, r: 1 },
        { p: 0.8, r: 1 },
      ],
      n: 100,
      steps: 1500,
      width: 16,
    });
    expect(res.times[0].t).toBeGreaterThan(res.times[1].t);
  });

  it("the experiment's checks pass at default scale", () => {
    const result = c5Experiment.run({ scale: "default", seed: 1 });
    const failing = result.checks.filter((c) => !c.pass);
    expect(failing).toEqual([]);
    expect(verdict(result)).toBe(true);
    expect(result.figures.length).toBeGreaterThanOrEqual(2);
    expect(result.limits.length).toBeGreaterThanOrEqual(3);
  });
});
