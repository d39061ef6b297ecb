import { describe, expect, it } from "vitest";
import {
  chainRecoveryProbability,
  classifyChain,
  classifyInit,
  failureRegions,
  finalErrorPrediction,
  flowLines,
} from "../../src/theory/failure-regions.js";
import { simulateMode } from "../../src/theory/mode-dynamics.js";
import { rk4, sig } from "./helpers/rk4.js";

describe("classifyInit (P7)", () => {
  it("labels the table of THEORY.md §4 and mirrors for y = −1", () => {
    expect(classifyInit(-0.1, 0.5)).toBe("dead");
    expect(classifyInit(0, 0.5)).toBe("dead");
    expect(classifyInit(0.2, 0.1)).toBe("correct");
    expect(classifyInit(0.2, -0.1)).toBe("recovers");
    expect(classifyInit(0.2, -0.3)).toBe("fails");
    expect(classifyInit(0.2, -0.2)).toBe("separatrix");
    expect(classifyInit(0.2, 0.1, -1)).toBe("recovers");
    expect(classifyInit(0.2, -0.1, -1)).toBe("correct");
    expect(classifyInit(0.2, 0.3, -1)).toBe("fails");
  });
  it("agrees with the simulated fate of the mode ODE on a grid of starts", () => {
    for (const a of [0.05, 0.3, 0.9]) {
      for (const b of [-1.2, -0.6, -0.2, -0.04, 0.1, 0.7]) {
        const fate = classifyInit(a, b);
        const sim = simulateMode(a, b, { r: 1 }, [200]);
        const right = sim.b[0] > 0 && sim.a[0] > 0;
        expect(right, `(${a}, ${b}) ${fate}`).toBe(fate === "correct" || fate === "recovers");
        expect(sim.frozenBy === "dead").toBe(fate === "fails");
      }
    }
  });
});

describe("depth-D chains (P9)", () => {
  /** RK4 of the chain flow a_l' = r σ(−m) Π_{k≠l} a_k (y = +1) with the ReLU gates on hidden weights. */
  function chainRecovers(w0: number[]): boolean {
    const D = w0.length;
    const field = (_t: number, w: number[]) => {
      if (w.slice(0, D - 1).some((v) => v <= 0)) return w.map(() => 0);
      const m = w.reduce((p, v) => p * v, 1);
      const c = sig(-m);
      return w.map((_, l) => c * w.reduce((p, v, k) => (k === l ? p : p * v), 1));
    };
    const end = rk4(field, w0, 0, 60, 30000);
    return end[D - 1] > 0 && end.slice(0, D - 1).every((v) => v > 0);
  }
  it("recovers iff |a_D| < min hidden, matching an RK4 simulation of the chain", () => {
    const cases = [
      [0.5, 0.4, 0.3, -0.2],
      [0.5, 0.15, 0.3, -0.2],
      [0.3, 0.4, -0.35],
      [0.3, 0.4, -0.25],
      [0.6, -0.5],
      [0.6, -0.7],
    ];
    for (const w of cases) expect(chainRecovers(w), w.join(",")).toBe(classifyChain(w) === "recovers");
    expect(classifyChain([0.3, -0.1, 0.2])).toBe("dead");
    expect(() => classifyChain([1])).toThrow(/depth/);
  });
  it("P(recover) = 1/D over i.i.d. magnitudes (exhaustive over orderings)", () => {
    // every ordering of D distinct magnitudes is equally likely; the output recovers iff it is the smallest
    for (const D of [2, 3, 4, 5]) {
      const perms = (xs: number[]): number[][] =>
        xs.length <= 1
          ? [xs]
          : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
      const all = perms(Array.from({ length: D }, (_, i) => (i + 1) / (D + 1)));
      const rec = all.filter((p) => classifyChain([...p.slice(0, D - 1), -p[D - 1]]) === "recovers").length;
      expect(rec / all.length).toBeCloseTo(chainRecoveryProbability(D), 15);
    }
  });
  it("final error 1/4 (half-normal) and 5/8 (Gaussian) at D = 2", () => {
    expect(finalErrorPrediction("halfNormal")).toBe(0.25);
    expect(finalErrorPrediction("gaussian")).toBe(0.625);
    expect(finalErrorPrediction("halfNormal", 3)).toBeCloseTo(1 / 3, 15);
  });
});

describe("geometry for plots", () => {
  const box = { amin: -1, amax: 2, bmin: -2, bmax: 1.5 };
  const area = (p: { a: number[]; b: number[] }) => {
    let s = 0;
    for (let i = 0; i < p.a.length; i++) {
      const j = (i + 1) % p.a.length;
      s += p.a[i] * p.b[j] - p.a[j] * p.b[i];
    }
    return Math.abs(s) / 2;
  };
  it("regions tile the box with the expected areas", () => {
    const r = failureRegions(box);
    expect(area(r.dead)).toBeCloseTo(1 * 3.5, 12);
    expect(area(r.correct)).toBeCloseTo(2 * 1.5, 12);
    expect(area(r.recovers)).toBeCloseTo(2, 12); // triangle (0,0),(2,0),(2,−2)
    expect(area(r.fails)).toBeCloseTo(2, 12);
    expect(area(r.dead) + area(r.correct) + area(r.recovers) + area(r.fails)).toBeCloseTo(3 * 3.5, 12);
    expect(r.separatrix).toEqual({ a: [0, 2], b: [-0, -2] });
    const m = failureRegions(box, -1);
    expect(area(m.recovers)).toBeCloseTo(2 * 1.5 - (1.5 * 1.5) / 2, 12); // 0 < b < a ≤ 2
  });
  it("every region polygon classifies its centroid correctly", () => {
    for (const y of [1, -1] as const) {
      const r = failureRegions(box, y);
      for (const fate of ["dead", "correct", "recovers", "fails"] as const) {
        const p = r[fate];
        const ca = p.a.reduce((s, v) => s + v, 0) / p.a.length;
        const cb = p.b.reduce((s, v) => s + v, 0) / p.b.length;
        expect(classifyInit(ca, cb, y)).toBe(fate);
      }
    }
  });
  it("flow lines lie on a² − b² = c inside the box", () => {
    const lines = flowLines([-0.5, 0, 0.5], box, 50);
    expect(lines.length).toBe(4); // c<0 two branches, c=0 one line, c>0 one branch
    for (const l of lines) {
      for (let i = 0; i < l.a.length; i++) {
        expect(Math.abs(l.a[i] ** 2 - l.b[i] ** 2 - l.c)).toBeLessThan(1e-12);
        expect(l.a[i]).toBeGreaterThanOrEqual(0);
        expect(l.a[i]).toBeLessThanOrEqual(box.amax);
      }
    }
  });
});
