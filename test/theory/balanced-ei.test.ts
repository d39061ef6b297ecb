import { describe, expect, it } from "vitest";
import {
  hingeAdamMargin,
  hingeGdMargin,
  hingeMarginAtTime,
  hingeTimeToMargin,
  marginAtTime,
  marginEarlyAsymptote,
  marginLateAsymptote,
  timeToMargin,
} from "../../src/theory/balanced-ei.js";
import fixture from "./fixtures/balanced.json" with { type: "json" };
import { relErr, rk4, sig } from "./helpers/rk4.js";

describe("timeToMargin / marginAtTime (CE, P5)", () => {
  it("reproduces THEORY.md: r = 1, a0 = b0 = 0.1 reaches m = 1 at t = 5.259", () => {
    expect(timeToMargin(1, 0.01, 1)).toBeCloseTo(5.259, 3);
    expect(relErr(timeToMargin(1, 0.01, 1), 5.259108733885349)).toBeLessThan(1e-13);
  });
  it("matches mpmath quadrature of (1+e^x)/(2rx) and mpmath's ODE solution (fixtures/make_balanced.py)", () => {
    for (const c of fixture.cases) {
      for (const [m, t] of c.timeToMargin) expect(relErr(timeToMargin(m, c.m0, c.r), t)).toBeLessThan(1e-12);
      for (const [t, m] of c.marginAtTime) expect(relErr(marginAtTime(t, c.m0, c.r), m)).toBeLessThan(1e-12);
    }
  });
  it("matches an RK4 integration of m' = 2 r m σ(−m) to 1e-9", () => {
    const r = 0.8;
    const m0 = 3e-3;
    const ts = [1, 4, 9, 16, 40];
    for (const t of ts) {
      const [m] = rk4((_t, s) => [2 * r * s[0] * sig(-s[0])], [m0], 0, t, 20000);
      expect(relErr(marginAtTime(t, m0, r), m)).toBeLessThan(1e-9);
    }
  });
  it("round-trips and stays finite at t = 1e8 and t = 1e300", () => {
    // at tiny t the time is ill-conditioned in m (m − m0 ≈ 2e-14), so check m itself there
    expect(relErr(marginAtTime(1e-8, 1e-6, 2), 1e-6 * Math.exp(2e-8))).toBeLessThan(1e-13);
    for (const t of [0.3, 7, 1e3, 1e8, 1e30]) {
      const m = marginAtTime(t, 1e-6, 2);
      expect(relErr(timeToMargin(m, 1e-6, 2), t)).toBeLessThan(1e-11);
    }
    const big = marginAtTime(1e300, 0.01, 1);
    expect(big).toBeGreaterThan(680);
    expect(big).toBeLessThan(700);
  });
  it("rejects invalid inputs with a message", () => {
    expect(() => timeToMargin(1, 0, 1)).toThrow(/m0/);
    expect(() => marginAtTime(-1, 0.1, 1)).toThrow(/t must be/);
  });
});

describe("asymptotes and where they stop holding (P5)", () => {
  it("early phase m0 e^{rt} is accurate while m ≪ 1 and wrong after the escape", () => {
    const m0 = 1e-6;
    expect(relErr(marginEarlyAsymptote(5, m0, 1), marginAtTime(5, m0, 1))).toBeLessThan(1e-3);
    // at t = 20 the asymptote predicts m ≈ 485, the true margin is ≈ 3.6
    expect(marginEarlyAsymptote(20, m0, 1) / marginAtTime(20, m0, 1)).toBeGreaterThan(50);
  });
  it("late phase L + ln L: error shrinks as t grows, large at small t", () => {
    const err = (t: number) => relErr(marginLateAsymptote(t, 1), marginAtTime(t, 0.01, 1));
    expect(err(3)).toBeGreaterThan(0.3);
    expect(err(1e3)).toBeLessThan(0.1);
    expect(err(1e8)).toBeLessThan(0.005); // 22.064 vs 22.164
    // the error changes sign near t ≈ 100 (a lucky 0.3%), then decays like ln L / L² from below
    expect(err(1e8)).toBeLessThan(err(1e4));
    expect(err(1e4)).toBeLessThan(err(1e3));
    expect(err(1e20)).toBeLessThan(err(1e8));
    expect(Number.isNaN(marginLateAsymptote(0.1, 1))).toBe(true);
  });
});

describe("hinge counterpart (C6, P6)", () => {
  it("reaches m = 1 from m0 = 0.01 at ln(100)/2 = 2.303, 0.44 of the CE time (5.259)", () => {
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the number printed in THEORY.md §6
    expect(hingeTimeToMargin(1, 0.01, 1)).toBeCloseTo(2.303, 3);
    expect(relErr(hingeTimeToMargin(1, 0.01, 1), Math.log(100) / 2)).toBeLessThan(1e-15);
    expect(hingeTimeToMargin(1.01, 0.01, 1)).toBe(Number.POSITIVE_INFINITY);
  });
  it("freezes at the margin in finite time", () => {
    expect(hingeMarginAtTime(1, 0.01, 1)).toBeCloseTo(0.01 * Math.exp(2), 14);
    expect(hingeMarginAtTime(2.31, 0.01, 1)).toBe(1);
    expect(hingeMarginAtTime(1e8, 0.01, 1)).toBe(1);
  });
});

describe("hingeGdMargin (discrete GD, balanced hinge mode)", () => {
  it("multiplies m by (1 + ηr)² per step until the margin, then stays", () => {
    const [m0, r, lr] = [1e-4, 0.5, 0.01];
    expect(hingeGdMargin(0, m0, r, lr)).toBeCloseTo(m0, 18);
    for (const k of [1, 10, 300])
      expect(relErr(hingeGdMargin(k, m0, r, lr), m0 * (1 + lr * r) ** (2 * k))).toBeLessThan(1e-12);
    // one step more or less is a factor (1 + ηr)² = 1.010025: what an extra step per advance shows
    expect(hingeGdMargin(301, m0, r, lr) / hingeGdMargin(300, m0, r, lr)).toBeCloseTo(1.010025, 12);
    const K = Math.ceil(Math.log(1 / m0) / (2 * Math.log(1 + lr * r))); // first step with m ≥ 1
    expect(hingeGdMargin(K - 1, m0, r, lr)).toBeLessThan(1);
    expect(hingeGdMargin(K, m0, r, lr)).toBeGreaterThanOrEqual(1);
    expect(hingeGdMargin(K + 500, m0, r, lr)).toBe(hingeGdMargin(K, m0, r, lr));
  });

  it("follows the flow m0·e^{2rt} as η → 0 at t = k·η, and freezes at a margin κ ≠ 1", () => {
    expect(relErr(hingeGdMargin(100_000, 0.01, 1, 1e-5), 0.01 * Math.exp(2))).toBeLessThan(2e-5);
    expect(hingeGdMargin(10_000, 0.01, 1, 0.01, 2.5)).toBeGreaterThanOrEqual(2.5);
    expect(hingeGdMargin(10_000, 0.01, 1, 0.01, 2.5)).toBeLessThan(2.5 * 1.0201);
  });

  it("says what is wrong with the step count or step size", () => {
    expect(() => hingeGdMargin(1.5, 0.01, 1, 0.01)).toThrow(/steps must be an integer >= 0, got 1.5/);
    expect(() => hingeGdMargin(1, 0.01, 1, 0)).toThrow(/lr must be > 0, got 0/);
  });
});

describe("hingeAdamMargin (Adam, balanced hinge mode)", () => {
  const torch = { lr: 0.003, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

  it("first step: m̂ = g and v̂ = g², so a moves by η·|g|/(|g| + ε) whatever β1, β2", () => {
    const [a0, r] = [0.1, 0.5];
    const g = r * a0;
    for (const adam of [torch, { lr: 0.01, beta1: 0.5, beta2: 0.9, eps: 1e-3 }]) {
      const a1 = a0 + (adam.lr * g) / (g + adam.eps);
      expect(relErr(hingeAdamMargin(1, r * a0 * a0, r, adam, 2.5), r * a1 * a1)).toBeLessThan(1e-14);
    }
  });

  it("β1 = β2 = 0, ε = 0 is sign descent: a_k = a0 + kη below the margin", () => {
    const [a0, r, lr] = [0.1, 2, 0.01];
    for (const k of [1, 7, 40])
      expect(
        relErr(
          hingeAdamMargin(k, r * a0 * a0, r, { lr, beta1: 0, beta2: 0, eps: 0 }, 10),
          r * (a0 + k * lr) ** 2,
        ),
      ).toBeLessThan(1e-13);
  });

  it("at ε = 0 the step ignores the gradient's scale: below κ, m/r is the same for every r", () => {
    const adam = { ...torch, eps: 0 };
    const a0 = 0.1;
    const perR = [0.25, 1, 4].map((r) => hingeAdamMargin(200, r * a0 * a0, r, adam, 100) / r);
    expect(relErr(perR[0], perR[1])).toBeLessThan(1e-13);
    expect(relErr(perR[2], perR[1])).toBeLessThan(1e-13);
  });

  it("momentum carries the margin past κ to a finite limit; without momentum it stops at the first step past κ", () => {
    const [m0, r, kappa] = [0.01, 1, 2.5];
    const late = hingeAdamMargin(5000, m0, r, torch, kappa);
    expect(late).toBeGreaterThan(kappa * 1.05);
    expect(relErr(hingeAdamMargin(10_000, m0, r, torch, kappa), late)).toBeLessThan(1e-12);
    const noMomentum = { ...torch, beta1: 0 };
    let K = 0;
    while (hingeAdamMargin(K, m0, r, noMomentum, kappa) < kappa) K++;
    expect(hingeAdamMargin(K + 500, m0, r, noMomentum, kappa)).toBe(
      hingeAdamMargin(K, m0, r, noMomentum, kappa),
    );
  });

  it("says what is wrong with the step count or a hyperparameter", () => {
    expect(() => hingeAdamMargin(1.5, 0.01, 1, torch)).toThrow(/steps must be an integer >= 0, got 1.5/);
    expect(() => hingeAdamMargin(1, 0.01, 1, { ...torch, lr: 0 })).toThrow(/lr must be > 0, got 0/);
    expect(() => hingeAdamMargin(1, 0.01, 1, { ...torch, beta2: 1 })).toThrow(
      /beta1 and beta2 must be in \[0, 1\)/,
    );
    expect(() => hingeAdamMargin(1, 0.01, 1, { ...torch, eps: -1 })).toThrow(/eps must be >= 0, got -1/);
  });
});

describe("balanced modes at r ≠ 1 and at the edges (mutation survivors)", () => {
  it("the hinge time and margin scale with 2r, not 2/r", () => {
    expect(hingeTimeToMargin(1, 0.01, 2)).toBeCloseTo(Math.log(100) / 4, 14);
    expect(hingeMarginAtTime(0.5, 0.01, 2)).toBeCloseTo(0.01 * Math.exp(2), 14);
    expect(hingeMarginAtTime(0.5, 0.01, 2, 2.5)).toBeCloseTo(0.01 * Math.exp(2), 14);
  });

  it("a mode that starts past the hinge margin stays at its start, not at the margin", () => {
    expect(hingeMarginAtTime(3, 2, 1)).toBe(2);
    expect(hingeMarginAtTime(3, 2, 1, 1.5)).toBe(2);
  });

  it("marginAtTime(0) is m0 exactly", () => {
    expect(marginAtTime(0, 0.0123, 1.7)).toBe(0.0123);
  });

  it("says what is wrong with r, the target margin and t", () => {
    expect(() => timeToMargin(1, 0.01, 0)).toThrow(/the input norm r must be > 0, got 0/);
    expect(() => hingeTimeToMargin(1, 0.01, -1)).toThrow(/the input norm r must be > 0, got -1/);
    expect(() => timeToMargin(0, 0.01, 1)).toThrow(/the target margin must be > 0, got 0/);
    expect(() => marginAtTime(-1e-300, 0.01, 1)).toThrow(/t must be >= 0/);
    expect(marginAtTime(0, 0.01, 1)).toBe(0.01);
  });
});
