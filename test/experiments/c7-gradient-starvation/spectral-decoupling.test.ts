import { describe, expect, it } from "vitest";
import { noisyBOnlyTest } from "../../../src/experiments/c7-gradient-starvation/diagonal-runs.js";
import {
  measureWideSd,
  wideSdConfig,
} from "../../../src/experiments/c7-gradient-starvation/spectral-decoupling.js";

describe("C7: spectral decoupling in a wide ReLU net", () => {
  it("the config is a dense ReLU net with a He start and the SD penalty", () => {
    const c = wideSdConfig({ pB: 0.5, lambda: 0.1, width: 300 });
    expect(c.model).toMatchObject({ hidden: [300], activation: "relu" });
    expect(c.model?.diagonalLayers).toBeUndefined();
    expect(c.init).toEqual({ scheme: "he-normal" });
    expect(c.regularization?.spectralDecoupling).toBe(0.1);
  });

  it("noisy B-only test: B on coordinate 1 with the label's sign, every coordinate noisy", () => {
    const t = noisyBOnlyTest({ d: 4, rB: 2, s: 0.1, count: 200, seed: 1 });
    let along = 0;
    let across = 0;
    for (let i = 0; i < t.n; i++) {
      along += t.y[i] * t.x[i * 4 + 1];
      across += Math.abs(t.x[i * 4]);
    }
    expect(along / t.n).toBeCloseTo(2, 1);
    expect(across / t.n).toBeGreaterThan(0.05);
  });

  it("on §7's data (B in half the points, p = 0.4 here) SD pushes the B response down, at a width other than the default", () => {
    const base = { pB: 0.4, width: 120, n: 20, steps: 800, noiseDims: 4, seed: 3 };
    const plain = measureWideSd({ ...base, lambda: 0 });
    const sd = measureWideSd({ ...base, lambda: 0.05 });
    expect(plain.trainError).toBe(0);
    expect(plain.uB / plain.uA).toBeGreaterThan(0.1);
    expect(sd.uB / sd.uA).toBeLessThan(plain.uB / plain.uA / 3);
    expect(sd.noisyB).toBeLessThan(plain.noisyB);
  });
});
