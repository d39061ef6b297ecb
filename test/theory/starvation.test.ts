import { describe, expect, it } from "vitest";
import {
  simulateStarvation,
  starvationEpsRatio,
  starvationHinge,
  starvationRho,
} from "../../src/theory/starvation.js";
import { relErr, rk4, sig } from "./helpers/rk4.js";

/** Reference: RK4 with fixed steps in s = ln(1 + t) on (ln u_A, ln u_B). */
function rk4Starvation(
  p: number,
  rA: number,
  rB: number,
  eps: number,
  t: number,
  steps: number,
): [number, number] {
  const f = (s: number, x: number[]) => {
    const dtds = Math.exp(s); // t = e^s − 1
    const m0 = rA * Math.exp(x[0]);
    const m1 = m0 + rB * Math.exp(x[1]);
    return [2 * rA * ((1 - p) * sig(-m0) + p * sig(-m1)) * dtds, 2 * rB * p * sig(-m1) * dtds];
  };
  const x = rk4(f, [Math.log(eps), Math.log(eps)], 0, Math.log1p(t), steps);
  return [Math.exp(x[0]), Math.exp(x[1])];
}

describe("simulateStarvation, cross-entropy", () => {
  it("matches a fixed-step RK4 in log-time to 1e-7 up to t = 1e8", () => {
    const params = { p: 0.3, rA: 1.2, rB: 0.8, eps: 1e-5 };
    const ts = [0.5, 30, 1e3, 1e8];
    const sim = simulateStarvation(params, ts);
    for (let i = 0; i < ts.length; i++) {
      const [uA, uB] = rk4Starvation(params.p, params.rA, params.rB, params.eps, ts[i], 40000);
      expect(relErr(sim.uA[i], uA)).toBeLessThan(1e-7);
      expect(relErr(sim.uB[i], uB)).toBeLessThan(1e-7);
    }
  });
  it("reproduces THEORY.md §7: u_B(1e8) ×10 smaller per ×100 smaller ε at ρ = 0.5, ×39.8 at ρ = 0.2 (P11)", () => {
    for (const [p, want] of [
      [0.5, 10],
      [0.2, 39.81],
    ]) {
      const rho = starvationRho(p, 1, 1);
      expect(starvationEpsRatio(100, rho)).toBeCloseTo(want, 1);
      const uB = [1e-4, 1e-6, 1e-8].map((eps) => simulateStarvation({ p, rA: 1, rB: 1, eps }, [1e8]).uB[0]);
      expect(relErr(uB[0] / uB[1], want)).toBeLessThan(0.02);
      expect(relErr(uB[1] / uB[2], want)).toBeLessThan(0.003);
    }
  });
  it("ρ = p·r_B/r_A with unequal norms: the ODE's ε-ratio follows starvationEpsRatio at that ρ (P11)", () => {
    expect(starvationRho(0.5, 2, 1)).toBe(0.25);
    expect(starvationRho(0.5, 1, 0.5)).toBe(0.25);
    expect(starvationRho(0.4, 0.5, 1)).toBe(0.8);
    // p = 0.5, r_A = 1, r_B = 0.6: ρ = 0.3, ×100^0.7 = ×25.1 per ×100 in ε (ρ from r_A/r_B would be 0.83: ×2.2)
    const rho = starvationRho(0.5, 1, 0.6);
    const uB = [1e-6, 1e-8].map((eps) => simulateStarvation({ p: 0.5, rA: 1, rB: 0.6, eps }, [1e8]).uB[0]);
    expect(relErr(uB[0] / uB[1], starvationEpsRatio(100, rho))).toBeLessThan(0.02);
  });
  it("the ε^{1−ρ} law is only asymptotic: from ε = 1e-2 to 1e-4 the ratio is 8.4, not 10", () => {
    const uB = [1e-2, 1e-4].map((eps) => simulateStarvation({ p: 0.5, rA: 1, rB: 1, eps }, [1e8]).uB[0]);
    expect(uB[0] / uB[1]).toBeGreaterThan(8.2);
    expect(uB[0] / uB[1]).toBeLessThan(8.7);
  });
  it("late growth (P12): u_B ∝ m_A^ρ, which is (ln t)^ρ only asymptotically (local exponent 0.84ρ at 1e6–1e8)", () => {
    const rho = 0.5;
    const ts = [1e6, 1e8];
    const sim = simulateStarvation({ p: rho, rA: 1, rB: 1, eps: 1e-6 }, ts);
    const gB = Math.log(sim.uB[1] / sim.uB[0]);
    const perLnLnT = gB / Math.log(Math.log(ts[1]) / Math.log(ts[0]));
    const perLnMA = gB / Math.log(sim.uA[1] / sim.uA[0]); // m_A = r_A u_A
    expect(Math.abs(perLnMA / rho - 1)).toBeLessThan(0.06);
    expect(perLnLnT / rho).toBeGreaterThan(0.75);
    expect(perLnLnT / rho).toBeLessThan(0.9);
  });
});

describe("starvationHinge (P13)", () => {
  it("matches an RK4 integration of the hinge ODE (indicator gains) and freezes u_B exactly", () => {
    const params = { p: 0.3, rA: 1, rB: 1.5, eps: 1e-3, loss: "hinge" as const };
    const closed = starvationHinge(params, [1, 2, 3, 4, 6, 10]);
    const f = (_t: number, u: number[]) => {
      const m0 = params.rA * u[0];
      const m1 = m0 + params.rB * u[1];
      const g0 = m0 < 1 ? 1 : 0;
      const g1 = m1 < 1 ? 1 : 0;
      return [
        2 * params.rA * u[0] * ((1 - params.p) * g0 + params.p * g1),
        2 * params.rB * params.p * u[1] * g1,
      ];
    };
    for (let i = 0; i < closed.t.length; i++) {
      const [uA, uB] = rk4(f, [params.eps, params.eps], 0, closed.t[i], 200000);
      expect(relErr(closed.uA[i], uA)).toBeLessThan(2e-4);
      expect(relErr(closed.uB[i], uB)).toBeLessThan(2e-4);
    }
    const t1 = closed.tFreezeB!;
    expect(
      params.rA * params.eps * Math.exp(2 * t1) + params.rB * params.eps * Math.exp(2 * 0.3 * 1.5 * t1),
    ).toBeCloseTo(1, 12);
    const later = simulateStarvation(params, [t1 + 0.1, 1e3, 1e8]);
    expect(later.uB[0]).toBe(later.uB[2]);
    expect(later.uA[1]).toBe(later.uA[2]);
    expect(params.rA * later.uA[2]).toBeCloseTo(1, 12);
    expect(closed.tFreezeA!).toBeGreaterThan(t1);
  });
  it("matches an ODE solve inside a wide freeze window (t_freeze_B, t_freeze_A), at margin κ = 2", () => {
    // B is strong and A weak, so the B-points reach the margin long before the A-only points: u_A keeps
    // growing at 2 r_A (1−p) = 0.35 over (2.6, 22.7) while u_B stays frozen. p ≠ 1/2, so rates 2 r_A (1−p)
    // and 2 r_A p differ.
    const params = { p: 0.3, rA: 0.25, rB: 4, eps: 1e-3, loss: "hinge" as const, margin: 2 };
    const closed = starvationHinge(params, []);
    const [tB, tA] = [closed.tFreezeB!, closed.tFreezeA!];
    expect(tB).toBeGreaterThan(2.5);
    expect(tA - tB).toBeGreaterThan(18);
    const times = [0.5 * tB, tB + 0.5, tB + 4, 0.5 * (tA + tB), tA - 1, tA + 3, 2 * tA];
    const sim = starvationHinge(params, times);
    // Reference: classical RK4 in x = ln u, where the hinge ODE's right side is piecewise constant
    // (indicator gains), so a step is exact unless a gain switches inside it; such a step misplaces at
    // most h·(rate jump) ≤ 1e-4 · 2.4 in ln u. Two switches: relative error ≤ 5e-4.
    const h = 1e-4;
    const { p, rA, rB, margin } = params;
    const rate = (_t: number, x: number[]) => {
      const m0 = rA * Math.exp(x[0]);
      const m1 = m0 + rB * Math.exp(x[1]);
      const g0 = m0 < margin ? 1 : 0;
      const g1 = m1 < margin ? 1 : 0;
      return [2 * rA * ((1 - p) * g0 + p * g1), 2 * rB * p * g1];
    };
    let x = [Math.log(params.eps), Math.log(params.eps)];
    let t = 0;
    times.forEach((target, i) => {
      x = rk4(rate, x, t, target, Math.max(1, Math.round((target - t) / h)));
      t = target;
      expect(relErr(sim.uA[i], Math.exp(x[0])), `u_A at t = ${target}`).toBeLessThan(5e-4);
      expect(relErr(sim.uB[i], Math.exp(x[1])), `u_B at t = ${target}`).toBeLessThan(5e-4);
    });
    // Inside the window: u_B flat, u_A grows by e^{2 r_A (1−p) Δt}, to the margin at t_freeze_A.
    expect(sim.uB[1]).toBe(sim.uB[4]);
    expect(relErr(sim.uA[3] / sim.uA[2], Math.exp(2 * rA * (1 - p) * (times[3] - times[2])))).toBeLessThan(
      1e-12,
    );
    expect(rA * sim.uA[5]).toBeCloseTo(margin, 12);
    expect(sim.uA[6]).toBe(sim.uA[5]);
  });
  it("also starves B by ε^{1−ρ}, then stops (no (ln t)^ρ growth)", () => {
    const uB = [1e-4, 1e-6].map((eps) => starvationHinge({ p: 0.5, rA: 1, rB: 1, eps }, [1e8]).uB[0]);
    expect(relErr(uB[0] / uB[1], 10)).toBeLessThan(0.01);
  });
});

describe("starvation edges (mutation survivors)", () => {
  it("the hinge freeze time solves m1(t) = margin when the rates differ (r_A ≠ r_B)", () => {
    for (const params of [
      { p: 0.5, rA: 0.1, rB: 1, eps: 1e-4 },
      { p: 0.2, rA: 3, rB: 0.5, eps: 1e-3 },
      { p: 0.8, rA: 1, rB: 2, eps: 1e-6, margin: 2 },
    ]) {
      const tFreezeB = starvationHinge(params, [1]).tFreezeB as number;
      const { p, rA, rB, eps } = params;
      const m1 = rA * eps * Math.exp(2 * rA * tFreezeB) + rB * eps * Math.exp(2 * p * rB * tFreezeB);
      expect(relErr(m1, params.margin ?? 1)).toBeLessThan(1e-12);
    }
  });

  it("a start past the margin freezes both at t = 0", () => {
    const h = starvationHinge({ p: 0.5, rA: 1, rB: 1, eps: 2 }, [0, 1]);
    expect(h.tFreezeB).toBe(0);
    expect(h.tFreezeA).toBe(0);
    expect(h.uA).toEqual([2, 2]);
  });

  it("says what is wrong with p, the norms and ε", () => {
    const ok = { p: 0.5, rA: 1, rB: 1, eps: 1e-3 };
    expect(() => starvationHinge({ ...ok, p: 0 }, [1])).toThrow(/p must be in \(0, 1\], got 0/);
    expect(() => starvationHinge({ ...ok, p: 1.5 }, [1])).toThrow(/p must be in \(0, 1\], got 1.5/);
    expect(() => starvationHinge({ ...ok, rA: 0 }, [1])).toThrow(/rA and rB must be > 0, got 0, 1/);
    expect(() => starvationHinge({ ...ok, rB: -1 }, [1])).toThrow(/rA and rB must be > 0, got 1, -1/);
    expect(() => simulateStarvation({ ...ok, eps: 0 }, [1])).toThrow(/eps must be > 0, got 0/);
    expect(starvationHinge({ ...ok, p: 1 }, [1]).tFreezeA).toBe(Number.POSITIVE_INFINITY);
  });
});
