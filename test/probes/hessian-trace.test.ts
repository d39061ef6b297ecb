import { describe, expect, it } from "vitest";
import { closedFormSpectrum, linearRegressionRun } from "./second-order-helpers.js";

describe("hessian-trace probe", () => {
  it("estimates tr XᵀX = Σ‖xᵢ‖² within 4 standard errors, with the same vectors at every record", () => {
    const { result, x } = linearRegressionRun({
      include: ["hessian-trace"],
      secondOrder: { traceSamples: 400 },
    });
    const trace = closedFormSpectrum(x).reduce((a, b) => a + b, 0);
    const first = result.history[0];
    expect(Math.abs((first.hessianTrace as number) - trace)).toBeLessThan(
      4 * (first.hessianTraceError as number),
    );
    // The Hessian of least squares does not move, and the seeded vectors are the same: the same estimate.
    for (const rec of result.history) expect(rec.hessianTrace).toBe(first.hessianTrace);
  });
});
