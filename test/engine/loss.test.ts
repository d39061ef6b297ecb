import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ceGradientAndBound,
  countErrors,
  LOSSES,
  type LossSpec,
  lossAndGradient,
  weightedLossGradient,
} from "../../src/engine/loss.js";

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

describe("lossAndGradient against central finite differences in the logits", () => {
  // Margins spread over (−3, 4) so that, for every κ below, some points lie between κ and 1: a hinge whose
  // gradient tested `m < 1` instead of `m < κ` disagrees with its own loss there.
  const f = Float64Array.from([-2.9, -1.3, -0.4, 0.2, 0.55, 0.8, 1.2, 1.45, 1.8, 2.6, 3.3, 3.9]);
  const y = Float64Array.from(f, (_v, i) => (i % 3 === 0 ? -1 : 1));
  const logits = Float64Array.from(f, (v, i) => v * y[i]); // so the margin y_i·f_i is f[i] whatever the label
  const n = f.length;
  // h = 1e-6: the hinge is piecewise linear, so away from its kinks (no margin within 2h of κ) the central
  // difference is exact up to rounding, about 1e-16·|L|/h ≈ 1e-9 here; for CE and squared the truncation
  // error is h²/6·|ℓ‴| < 1e-12. The tolerance 1e-7 sits two orders of magnitude above both.
  const h = 1e-6;
  for (const kind of LOSSES) {
    for (const margin of [0.5, 1, 2, 3.5]) {
      for (const reduction of ["sum", "mean"] as const) {
        it(`${kind}, κ = ${margin}, ${reduction}`, () => {
          const spec: LossSpec = { kind, reduction, margin };
          const grad = new Float64Array(n);
          lossAndGradient(spec, logits, y, n, grad);
          for (let i = 0; i < n; i++) {
            const at = (v: number) => {
              const g = Float64Array.from(logits);
              g[i] = v;
              return lossAndGradient(spec, g, y, n);
            };
            const fd = (at(logits[i] + h) - at(logits[i] - h)) / (2 * h);
            expect(Math.abs(grad[i] - fd), `point ${i} (m = ${f[i]})`).toBeLessThan(1e-7);
          }
        });
      }
    }
  }

  it("hinge with κ ≠ 1: loss and gradient switch off at m = κ, not at m = 1", () => {
    const one = Float64Array.from([1, 1, 1]);
    const grad = new Float64Array(3);
    const wide: LossSpec = { kind: "hinge", reduction: "sum", margin: 2 };
    expect(lossAndGradient(wide, Float64Array.from([0.5, 1.5, 2.5]), one, 3, grad)).toBe(2);
    expect(Array.from(grad)).toEqual([-1, -1, 0]);
    const narrow: LossSpec = { kind: "hinge", reduction: "sum", margin: 0.5 };
    expect(lossAndGradient(narrow, Float64Array.from([0.25, 0.75, 1.5]), one, 3, grad)).toBe(0.25);
    expect(Array.from(grad)).toEqual([-1, 0, 0]);
  });
});

describe("countErrors", () => {
  it("counts a zero logit (and −0) as an error, whatever the label", () => {
    const y = Float64Array.from([1, -1, 1, -1]);
    expect(countErrors(Float64Array.from([0, 0, -0, -0]), y, 4)).toBe(4);
    expect(countErrors(Float64Array.from([1e-300, -1e-300, 0, 2]), y, 4)).toBe(2);
  });
  it("counts a NaN logit as an error, a right sign as correct, and only the first n points", () => {
    expect(countErrors(Float64Array.from([Number.NaN, -3, 0.1]), Float64Array.from([1, -1, 1]), 3)).toBe(1);
    expect(countErrors(Float64Array.from([-0.1, 3, 5]), Float64Array.from([1, 1, -1]), 2)).toBe(1);
  });
});

describe("weightedLossGradient", () => {
  it("is (w·ℓ′(f) + λf)/N per point and returns the unweighted Σℓ, for CE and hinge (κ ≠ 1)", () => {
    const logits = Float64Array.from([2.5, -0.3, 0.7, -4]);
    const y = Float64Array.from([1, 1, -1, -1]);
    const [N, w, lambda] = [10, 0.7, 0.2];
    for (const spec of [
      { kind: "ce", reduction: "mean", margin: 1 },
      { kind: "hinge", reduction: "mean", margin: 2 },
    ] as LossSpec[]) {
      const d = new Float64Array(4);
      const sum = weightedLossGradient(spec, logits, y, 4, N, w, lambda, d);
      const plain = new Float64Array(4);
      const total = lossAndGradient({ ...spec, reduction: "sum" }, logits, y, 4, plain);
      expect(sum).toBeCloseTo(total, 14);
      for (let i = 0; i < 4; i++) expect(d[i]).toBeCloseTo((w * plain[i] + lambda * logits[i]) / N, 15);
    }
  });
});

describe("loss edges (mutation survivors)", () => {
  it("ceGradientAndBound's mean bound is the per-point bound averaged: Σ e^{−|m|}/n at m ≥ 0", () => {
    const logits = Float64Array.from([0, 0, 1, 2]);
    const y = Float64Array.from([1, 1, 1, 1]);
    const b = ceGradientAndBound("mean", logits, y, 4, new Float64Array(4));
    expect(b).toBeCloseTo((2 + Math.exp(-1) + Math.exp(-2)) / 4, 15);
  });

  it("the hinge gradient is 0 exactly at the margin (torch's clamp(κ − m, min = 0) takes 0 at the kink)", () => {
    for (const margin of [1, 2.5]) {
      const d = new Float64Array(2);
      const spec: LossSpec = { kind: "hinge", reduction: "sum", margin };
      const loss = lossAndGradient(
        spec,
        Float64Array.from([margin, -margin]),
        Float64Array.from([1, -1]),
        2,
        d,
      );
      expect(loss).toBe(0);
      expect(Array.from(d)).toEqual([0, 0]);
    }
  });

  it("weightedLossGradient stays finite at |m| = 800 (each sign takes its own stable branch)", () => {
    const spec: LossSpec = { kind: "ce", reduction: "mean", margin: 1 };
    const d = new Float64Array(2);
    const sum = weightedLossGradient(
      spec,
      Float64Array.from([800, -800]),
      Float64Array.from([1, 1]),
      2,
      2,
      1,
      0,
      d,
    );
    expect(sum).toBe(800);
    expect(d[0]).toBeCloseTo(0, 300);
    expect(d[1]).toBe(-0.5);
  });
});
