import { describe, expect, it } from "vitest";
import { twoPointToy } from "../../src/data/two-point-toy.js";
import { sigmoid } from "../../src/math/logistic.js";
import { sdMarginCap } from "../../src/theory/spectral-decoupling.js";
import { sdCoefficient, toyFixedPoint, toyGradientDescent } from "../../src/theory/starvation-toy.js";

describe("starvation toy theory", () => {
  it("the L2 fixed point solves λz = Λ² ⊙ Uᵀσ(−Uz) (off-default strengths, coupling, λ)", () => {
    const toy = twoPointToy({ strength1: 4.5, strength2: 1.5, coupling: 0.35 });
    const lambda = 0.03;
    const z = toyFixedPoint(toy, { kind: "l2", lambda });
    const U = toy.U;
    const m = [U[0] * z[0] + U[1] * z[1], U[2] * z[0] + U[3] * z[1]];
    const s = m.map((v) => sigmoid(-v));
    const L = toy.strengths;
    for (const j of [0, 1])
      expect(lambda * z[j]).toBeCloseTo(L[j] ** 2 * (U[j] * s[0] + U[2 + j] * s[1]), 12);
  });

  it("SD's fixed point is Uᵀ(m*·1) for any strength; the code form at λ equals the paper form at 2λ", () => {
    const a = toyFixedPoint(twoPointToy({ strength1: 2.2, coupling: 0.1 }), {
      kind: "sd-code",
      lambda: 0.004,
    });
    const b = toyFixedPoint(twoPointToy({ strength1: 7.5, coupling: 0.1 }), {
      kind: "sd-paper",
      lambda: 0.008,
    });
    expect(a[0]).toBeCloseTo(b[0], 12);
    expect(a[1]).toBeCloseTo(b[1], 12);
    const m = sdMarginCap(0.008);
    expect(Math.hypot(a[0], a[1])).toBeCloseTo(m * Math.SQRT2, 12);
    expect(sdCoefficient({ kind: "sd-code", lambda: 0.004 })).toBe(0.008);
  });

  it("GD converges to each fixed point; L2 starves z₂ for s > 0 and SD does not", () => {
    const run = (l: number, p: Parameters<typeof toyFixedPoint>[1]) => {
      const toy = twoPointToy({ strength1: l, coupling: 0.4 });
      const t = toyGradientDescent(toy, p, { lr: 0.04, steps: 60000, every: 60000 });
      return { gd: [t.z1[1], t.z2[1]], star: toyFixedPoint(toy, p) };
    };
    const l2 = { kind: "l2", lambda: 0.02 } as const;
    const sd = { kind: "sd-paper", lambda: 0.005 } as const;
    const [a, b, c, d] = [run(2.5, l2), run(5.5, l2), run(2.5, sd), run(5.5, sd)];
    for (const r of [a, b, c, d]) for (const j of [0, 1]) expect(r.gd[j]).toBeCloseTo(r.star[j], 6);
    expect(b.gd[1]).toBeLessThan(0.95 * a.gd[1]);
    expect(d.gd[1]).toBeCloseTo(c.gd[1], 6);
  });

  it("refuses an unstable step size with the largest stable one, and λ ≤ 0", () => {
    const toy = twoPointToy({ strength1: 20 });
    expect(() => toyGradientDescent(toy, { kind: "l2", lambda: 0.01 }, { lr: 0.05, steps: 10 })).toThrow(
      /use lr </,
    );
    expect(() => toyFixedPoint(toy, { kind: "sd-code", lambda: 0 })).toThrow(/lambda/);
  });
});
