import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sigmoid, softplus } from "../../src/math/logistic.js";

function relErr(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

describe("sigmoid, softplus", () => {
  it("are finite and accurate at extreme arguments", () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(relErr(sigmoid(-700), Math.exp(-700))).toBeLessThan(1e-14);
    expect(softplus(800)).toBe(800);
    expect(relErr(softplus(-700), Math.exp(-700))).toBeLessThan(1e-14);
    expect(relErr(softplus(0), Math.LN2)).toBeLessThan(1e-15);
  });
  it("satisfy σ(x) + σ(−x) = 1 and softplus(x) − softplus(−x) = x", () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        return (
          Math.abs(sigmoid(x) + sigmoid(-x) - 1) < 1e-15 && Math.abs(softplus(x) - softplus(-x) - x) < 1e-13
        );
      }),
    );
  });
});

describe("the engine's fused cross-entropy loop", () => {
  it("computes softplus(−m) and sigmoid(−m) with the same bits", () => {
    // src/engine/loss.ts writes both from one exponential; this is the form it uses.
    const fused = (m: number) => {
      if (m >= 0) {
        const e = Math.exp(-m);
        return { loss: Math.log1p(e), sig: e / (1 + e) };
      }
      const e = Math.exp(m);
      return { loss: -m + Math.log1p(e), sig: 1 / (1 + e) };
    };
    fc.assert(
      fc.property(fc.double({ min: -800, max: 800, noNaN: true }), (m) => {
        const f = fused(m);
        return Object.is(f.loss, softplus(-m)) && Object.is(f.sig, sigmoid(-m));
      }),
      { numRuns: 2000 },
    );
  });
});
