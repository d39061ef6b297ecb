import { describe, expect, it } from "vitest";
import { adaptiveGridOptions, outcomeOf } from "../../src/sweep/adaptive-spec.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";

const rule = { scalar: "error", cuts: [0.1, 0.5], labels: ["learned", "partly", "failed"] };

function spec(over: Record<string, unknown> = {}, adaptive: Record<string, unknown> = {}) {
  return {
    name: "a",
    base: { data: { kind: "moons" } },
    axes: [
      { field: "optimizer.lr", range: { from: 0.01, to: 1, count: 5 } },
      { field: "init.scale", range: { from: 0.1, to: 1, count: 3 } },
    ],
    keep: { scalars: ["error"] },
    ...over,
    adaptive: { resolution: 0.01, outcome: rule, ...adaptive },
  };
}

describe("the adaptive block of a sweep spec", () => {
  it("gives the refinement: bounds and coarse cells from the ranges, seeds as replicates", () => {
    const s = parseSweepSpec({ ...spec(), seeds: 3 });
    expect(adaptiveGridOptions({ ...s, adaptive: s.adaptive as NonNullable<typeof s.adaptive> })).toEqual({
      bounds: [
        [0.01, 1],
        [0.1, 1],
      ],
      initial: [4, 2],
      resolution: 0.01,
      replicates: 3,
    });
    expect(s.adaptive?.theory).toEqual([]);
  });

  it("refuses what cannot be refined, saying what to change", () => {
    const problems = (input: unknown) => {
      try {
        parseSweepSpec(input);
        return "";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problems(spec({ axes: [{ field: "optimizer.lr", values: [0.1, 0.2] }] }))).toMatch(
      /needs a "range"/,
    );
    expect(
      problems(
        spec({ axes: [{ field: "optimizer.lr", range: { from: 0.01, to: 1, count: 3, scale: "log" } }] }),
      ),
    ).toMatch(/use scale "linear"/);
    expect(
      problems(spec({ axes: [{ field: "optimizer.lr", range: { from: 0.01, to: 1, count: 1 } }] })),
    ).toMatch(/count ≥ 2/);
    expect(problems(spec({ combine: "zip" }))).toMatch(/"cross"/);
    expect(problems(spec({ keep: { scalars: ["loss"] } }))).toMatch(/"error" is not in keep.scalars/);
    expect(problems(spec({}, { resolution: [0.1] }))).toMatch(/1 entries for 2 axes/);
    expect(problems(spec({}, { outcome: { ...rule, cuts: [0.5, 0.1] } }))).toMatch(/strictly ascending/);
    expect(problems(spec({}, { outcome: { ...rule, labels: ["a", "b"] } }))).toMatch(/needs 3 labels/);
    expect(problems(spec({}, { outcome: { ...rule, labels: ["a", "diverged", "b"] } }))).toMatch(/reserved/);
    expect(problems(spec({}, { outcome: { ...rule, labels: ["a", "a", "b"] } }))).toMatch(/distinct/);
    expect(problems(spec())).toBe("");
  });

  it("reads a run's outcome: the scalar cut at the thresholds; diverged and failed runs apart", () => {
    expect(outcomeOf(rule, "done", { error: 0 })).toBe("learned");
    expect(outcomeOf(rule, "stopped", { error: 0.1 })).toBe("partly");
    expect(outcomeOf(rule, "done", { error: 0.49 })).toBe("partly");
    expect(outcomeOf(rule, "done", { error: 1 })).toBe("failed");
    expect(outcomeOf(rule, "diverged", { error: 0 })).toBe("diverged");
    expect(outcomeOf(rule, "failed", { error: 0 })).toBe("error");
    expect(outcomeOf(rule, "done", { error: null })).toBe("error");
  });

  it("the failure-adaptive built-in is one", () => {
    const s = builtinSweep("failure-adaptive");
    expect(s.adaptive?.theory).toEqual([{ slope: -1, intercept: 0, label: "theory (§4): b0 = −a0" }]);
  });
});
