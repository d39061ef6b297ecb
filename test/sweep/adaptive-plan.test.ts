import { describe, expect, it } from "vitest";
import { refineAdaptive } from "../../src/sweep/adaptive.js";
import { adaptivePlan } from "../../src/sweep/adaptive-plan.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { planSweep, pointConfig, pointSeed } from "../../src/sweep/expand.js";
import { canonicalJson } from "../../src/sweep/hash.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";

const spec = () => {
  const s = builtinSweep("failure-adaptive");
  return parseSweepSpec({ ...s, adaptive: { ...s.adaptive, resolution: 0.05 } });
};

describe("adaptivePlan", () => {
  it("numbers the finest lattice; its points are the coordinates refineAdaptive evaluates", async () => {
    const plan = adaptivePlan(spec());
    expect(plan.lattice.fine).toEqual([24, 40]);
    expect(plan.pointCount).toBe(25 * 41);
    const seen: string[] = [];
    await refineAdaptive(plan.options, (pts) =>
      pts.map((p) => {
        const point = plan.pointAt(plan.indexOf(p.lattice));
        expect(point.values).toEqual(p.coords);
        seen.push(point.key);
        return (p.coords[0] as number) + (p.coords[1] as number) > 0 ? "up" : "down";
      }),
    );
    expect(seen.length).toBeGreaterThan(77);
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < plan.pointCount; i += 97) {
      const lattice = [Math.floor(i / 41), i % 41];
      expect(plan.indexOf(lattice)).toBe(i);
    }
    expect(() => plan.pointAt(plan.pointCount)).toThrow(RangeError);
  });

  it("derives seeds as an ordinary sweep does, and its spec hash covers the adaptive block", () => {
    const s = spec();
    const plan = adaptivePlan(s);
    const flat = planSweep(s);
    expect(plan.seedHash).toBe(flat.seedHash);
    expect(plan.specHash).not.toBe(flat.specHash);
    const finer = adaptivePlan(parseSweepSpec({ ...s, adaptive: { ...s.adaptive, resolution: 0.01 } }));
    expect(finer.specHash).not.toBe(plan.specHash);
    const p = plan.pointAt(123);
    expect(p.key).toBe(canonicalJson(p.values));
    expect(pointConfig(plan, p, 0).seed).toBe(pointSeed(flat.seedHash, p.key, 0));
  });

  it("refuses a spec without an adaptive block", () => {
    expect(() => adaptivePlan(builtinSweep("failure"))).toThrow(/no "adaptive" block/);
  });
});
