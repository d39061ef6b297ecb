import { describe, expect, it } from "vitest";
import {
  linearGd,
  logSteps,
  margins,
  separableData,
} from "../../../src/experiments/implicit-bias/linear-runs.js";

describe("separableData", () => {
  it("is separable through the origin with the asked gap, and refuses bad sizes", () => {
    const d = separableData(30, 3, 0.3, 2);
    expect(d.x.length).toBe(90);
    expect([...d.y].every((v) => v === 1 || v === -1)).toBe(true);
    expect(() => separableData(1, 2, 0.1, 0)).toThrow(/at least 2 points/);
    expect(() => separableData(4, 2, -1, 0)).toThrow(/gap/);
  });
});

describe("logSteps", () => {
  it("is ascending, distinct, from 0 to the end", () => {
    const s = logSteps(1000, 4);
    expect(s[0]).toBe(0);
    expect(s.at(-1)).toBe(1000);
    expect(s).toContain(100);
    expect(new Set(s).size).toBe(s.length);
  });
});

describe("linearGd", () => {
  const data = separableData(10, 2, 0.2, 1);
  it("hinge stops with every margin ≥ 1 and an exactly zero gradient", () => {
    const r = linearGd(data, "hinge", 0.1, 100000, [0]);
    expect(r.steps).toBeLessThan(100000);
    expect(Math.min(...margins(data, r.w.at(-1)!))).toBeGreaterThanOrEqual(1);
    expect(r.loss.at(-1)).toBe(0);
  });
  it("logistic keeps lowering the loss and growing ‖w‖", () => {
    const r = linearGd(data, "logistic", 0.1, 10000, [100, 1000]);
    expect(r.loss[1]).toBeLessThan(r.loss[0]);
    expect(r.loss[2]).toBeLessThan(r.loss[1]);
    expect(Math.hypot(...r.w[2])).toBeGreaterThan(Math.hypot(...r.w[1]));
  });
});
