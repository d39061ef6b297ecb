import { describe, expect, it } from "vitest";
import { measureErrorCurve } from "../../../src/kit/measure/error-curves.js";

describe("measureErrorCurve", () => {
  it("Gaussian first layer: the trainer's error equals the margin count at every record, dead units included", () => {
    const m = measureErrorCurve({ norms: 2, count: 120, eps: 1e-3, firstLayer: "gaussian", seed: 3 });
    // About half the units start dead (a ≤ 0): their f = 0 keeps the final error near 5/8, not 3/8.
    expect(m.final).toBeGreaterThan(0.45);
    expect(m.trainerMismatch).toBe(0);
  });
});
