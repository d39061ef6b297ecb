import { describe, expect, it } from "vitest";
import {
  axisAssignments,
  axisValues,
  checkAxisValues,
  planSweep,
  pointConfig,
  pointSeed,
  SweepPointError,
} from "../../src/sweep/expand.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { smallSpec } from "./fixtures.js";

const axis = (a: unknown) => parseSweepSpec({ name: "a", axes: [a] }).axes[0];

describe("axis values", () => {
  it("linear ranges include both ends with tidy steps", () => {
    expect(axisValues(axis({ field: "optimizer.lr", range: { from: 0.1, to: 0.5, count: 5 } }))).toEqual([
      0.1, 0.2, 0.3, 0.4, 0.5,
    ]);
    expect(axisValues(axis({ field: "init.scale", range: { from: -1, to: 1, count: 3 } }))).toEqual([
      -1, 0, 1,
    ]);
    expect(axisValues(axis({ field: "init.scale", range: { from: 2, to: 7, count: 1 } }))).toEqual([2]);
  });
  it("log ranges are geometric and exact at powers of ten", () => {
    expect(
      axisValues(axis({ field: "init.scale", range: { from: 1e-8, to: 1e-2, count: 4, scale: "log" } })),
    ).toEqual([1e-8, 1e-6, 1e-4, 1e-2]);
    const v = axisValues(
      axis({ field: "init.scale", range: { from: 1, to: 8, count: 4, scale: "log" } }),
    ) as number[];
    expect(v).toEqual([1, 2, 4, 8]);
  });
  it("multi-field axes: tuples, broadcast and derive", () => {
    const tuple = axis({ name: "ab", fields: ["init.scale", "optimizer.lr"], values: [[0.1, 0.05]] });
    expect(axisAssignments(tuple, [0.1, 0.05])).toEqual([
      ["init.scale", 0.1],
      ["optimizer.lr", 0.05],
    ]);
    const broadcast = axis({ name: "b", fields: ["init.scale", "optimizer.lr"], values: [0.3] });
    expect(axisAssignments(broadcast, 0.3)).toEqual([
      ["init.scale", 0.3],
      ["optimizer.lr", 0.3],
    ]);
    const derived = axis({
      name: "d",
      fields: ["init.scale", "optimizer.lr"],
      derive: [
        { power: 0.5, times: -1 },
        { times: 2, plus: 1 },
      ],
      values: [0.04],
    });
    expect(axisAssignments(derived, 0.04)).toEqual([
      ["init.scale", -0.2],
      ["optimizer.lr", 1.08],
    ]);
  });
});

describe("planSweep", () => {
  it("cross: product of lengths, last axis fastest, unique keys", () => {
    const plan = planSweep(parseSweepSpec(smallSpec()));
    expect(plan.pointCount).toBe(9);
    expect(plan.runCount).toBe(18);
    expect(plan.axisNames).toEqual(["optimizer.lr", "scale"]);
    expect(plan.pointAt(0).values).toEqual([0.05, 0.01]);
    expect(plan.pointAt(1).values).toEqual([0.05, 0.1]);
    expect(plan.pointAt(3).values).toEqual([0.2, 0.01]);
    expect(plan.pointAt(8).values).toEqual([1e5, 1]);
    const keys = new Set(Array.from({ length: 9 }, (_, i) => plan.pointAt(i).key));
    expect(keys.size).toBe(9);
  });
  it("zip: the i-th values together", () => {
    const plan = planSweep(
      parseSweepSpec(
        smallSpec({
          combine: "zip",
          axes: [
            { field: "optimizer.lr", values: [0.1, 0.2] },
            { field: "init.scale", range: { from: 1, to: 2, count: 2 } },
          ],
        }),
      ),
    );
    expect(plan.pointCount).toBe(2);
    expect(plan.pointAt(1).values).toEqual([0.2, 2]);
  });
  it("no axes: one point", () => {
    expect(planSweep(parseSweepSpec({ name: "one" })).pointCount).toBe(1);
  });
  it("counts 10^9 points without expanding them", () => {
    const plan = planSweep(
      parseSweepSpec({
        name: "huge",
        axes: [
          { field: "optimizer.lr", range: { from: 0.001, to: 1, count: 1000 } },
          { field: "init.scale", range: { from: 0.001, to: 1, count: 1000 } },
          { field: "seed", range: { from: 0, to: 999, count: 1000 } },
        ],
      }),
    );
    expect(plan.pointCount).toBe(1e9);
    expect(plan.pointAt(999_999_999).values).toEqual([1, 1, 999]);
  });
  it("refuses duplicate values on an axis", () => {
    expect(() =>
      planSweep(parseSweepSpec({ name: "d", axes: [{ field: "optimizer.lr", values: [0.1, 0.1] }] })),
    ).toThrow(/appears twice/);
  });
  it("spec hash sees seeds and keep; seed hash does not", () => {
    const a = planSweep(parseSweepSpec(smallSpec()));
    const b = planSweep(parseSweepSpec(smallSpec({ seeds: 3 })));
    const c = planSweep(parseSweepSpec(smallSpec({ name: "other" })));
    expect(a.specHash).not.toBe(b.specHash);
    expect(a.seedHash).toBe(b.seedHash);
    expect(a.specHash).toBe(c.specHash);
  });
});

describe("seeds and point configs", () => {
  it("a point's seed depends only on (spec, point key, seed index)", () => {
    const plan = planSweep(parseSweepSpec(smallSpec()));
    const p = plan.pointAt(4);
    const seeds = [0, 1].map((s) => pointConfig(plan, p, s).seed);
    expect(seeds[0]).not.toBe(seeds[1]);
    expect(seeds[0]).toBe(pointSeed(plan.seedHash, p.key, 0));
    // Same point reached in another plan object, after visiting other points in another order.
    const again = planSweep(parseSweepSpec(smallSpec()));
    for (const i of [8, 0, 5]) pointConfig(again, again.pointAt(i), 1);
    expect(pointConfig(again, again.pointAt(4), 0).seed).toBe(seeds[0]);
  });
  it("sets the axis fields on the base", () => {
    const plan = planSweep(parseSweepSpec(smallSpec()));
    const c = pointConfig(plan, plan.pointAt(5), 0);
    expect(c.optimizer.lr).toBe(0.2);
    expect(c.init.scheme !== "explicit" && c.init.scale).toBe(1);
    expect(c.model.hidden).toEqual([4]);
  });
  it("an invalid value names the axis and the value", () => {
    const plan = planSweep(
      parseSweepSpec({ name: "bad", axes: [{ field: "optimizer.lr", values: [0.1, -2] }] }),
    );
    expect(() => checkAxisValues(plan)).toThrow(SweepPointError);
    expect(() => checkAxisValues(plan)).toThrow(/optimizer\.lr.*set by axis "optimizer\.lr" = -2/s);
  });
  it("a bad base is reported as the base's fault", () => {
    const plan = planSweep(
      parseSweepSpec({
        name: "bad",
        base: { model: { hidden: [0] } },
        axes: [{ field: "optimizer.lr", values: [0.1] }],
      }),
    );
    expect(() => checkAxisValues(plan)).toThrow(/from the base config/);
  });
  it("a spec without axes has its base checked before anything runs", () => {
    const plan = planSweep(parseSweepSpec({ name: "bad", base: { train: { steps: 2e8 } } }));
    expect(() => checkAxisValues(plan)).toThrow(
      /probes\.schedule: recording every 10 steps.*from the base config/s,
    );
    const bad = planSweep(parseSweepSpec({ name: "bad", base: { optimizer: { lr: -1 } } }));
    expect(() => checkAxisValues(bad)).toThrow(/optimizer\.lr.*from the base config/s);
  });
});
