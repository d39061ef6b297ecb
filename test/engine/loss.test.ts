import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceGradientAndBound, lossAndGradient } from "../../src/engine/loss.js";

describe("ceGradientAndBound", () => {
  const logit = fc.oneof(
    fc.double({ min: -800, max: 800, noNaN: true }),
    fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
    fc.constantFrom(0, -0, 36.7, -36.7, 709.8, -745.2, 1e308, -1e308),
  );
  it("writes the same gradient bits as lossAndGradient and bounds its loss from above", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(logit, fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("sum", "mean"),
        (points, reduction) => {
          const n = points.length;
          const logits = Float64Array.from(points, ([f]) => f);
          const y = Float64Array.from(points, ([, pos]) => (pos ? 1 : -1));
          const gExact = new Float64Array(n);
          const gFast = new Float64Array(n);
          const loss = lossAndGradient({ kind: "ce", reduction, margin: 1 }, logits, y, n, gExact);
          const bound = ceGradientAndBound(reduction, logits, y, n, gFast);
          expect(Array.from(gFast)).toEqual(Array.from(gExact));
          expect(bound).toBeGreaterThanOrEqual(loss);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is NaN for a NaN logit, so it never certifies a diverged step", () => {
    const b = ceGradientAndBound(
      "sum",
      Float64Array.from([1, Number.NaN]),
      Float64Array.from([1, 1]),
      2,
      new Float64Array(2),
    );
    expect(b <= 1e300).toBe(false);
  });
});
