import { describe, expect, it } from "vitest";
import { dataSpecSchema } from "../../src/config/data-spec.js";
import { ConfigError, parseRunConfig } from "../../src/config/validate.js";

/** The problems a config's data field gets, one line each. */
function problemsOf(data: unknown): string[] {
  try {
    parseRunConfig({ data });
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("dataSpecSchema: lms", () => {
  it("fills the published LMS-5 construction as defaults", () => {
    expect(dataSpecSchema.parse({ kind: "lms" })).toEqual({
      kind: "lms",
      n: 2000,
      nTest: 1000,
      slabs: 19,
      k: 5,
      linearMargin: 0.1,
      slabMargin: 0.1,
      noise: 0,
      randomizedTests: false,
    });
  });

  it("refuses a slab margin with no room left, naming the field, the limit for that k and a fix", () => {
    const five = problemsOf({ kind: "lms", slabMargin: 0.3 });
    expect(five).toEqual([
      expect.stringMatching(/^data\.slabMargin: must be below 0\.25 when k = 5.*use e\.g\. 0\.1/),
    ]);
    // 0.3 is room enough for 3 slabs (limit 0.5)
    expect(problemsOf({ kind: "lms", k: 3, slabMargin: 0.3 })).toEqual([]);
    expect(problemsOf({ kind: "lms", k: 3, slabMargin: 0.5 })).toEqual([
      expect.stringMatching(/data\.slabMargin: must be below 0\.5 when k = 3/),
    ]);
  });

  it("names the field of every other bad value and a misspelt one", () => {
    expect(problemsOf({ kind: "lms", k: 4 })).toEqual([expect.stringMatching(/^data\.k: /)]);
    expect(problemsOf({ kind: "lms", linearMargin: 1 })).toEqual([
      expect.stringMatching(/^data\.linearMargin: .*1/),
    ]);
    expect(problemsOf({ kind: "lms", n: 1 })).toEqual([expect.stringMatching(/^data\.n: /)]);
    expect(problemsOf({ kind: "lms", slab: 3 })).toEqual([
      expect.stringMatching(/^data: unknown field\(s\) "slab"; check the spelling \(see `learndyn schema`\)/),
    ]);
  });
});

describe("dataSpecSchema: two-point-toy", () => {
  it("fills the paper's toy (Λ₂ = 2, s = 0.5) with Λ₁ = 4 by default", () => {
    expect(dataSpecSchema.parse({ kind: "two-point-toy" })).toEqual({
      kind: "two-point-toy",
      strength1: 4,
      strength2: 2,
      coupling: 0.5,
      vAngle: 0.7,
    });
  });

  it("refuses couplings outside (−1, 1) and strengths ≤ 0, naming the field", () => {
    expect(problemsOf({ kind: "two-point-toy", coupling: 1 })).toEqual([
      expect.stringMatching(/^data\.coupling: /),
    ]);
    expect(problemsOf({ kind: "two-point-toy", coupling: -1 })).toEqual([
      expect.stringMatching(/^data\.coupling: /),
    ]);
    expect(problemsOf({ kind: "two-point-toy", strength1: 0 })).toEqual([
      expect.stringMatching(/^data\.strength1: /),
    ]);
    expect(problemsOf({ kind: "two-point-toy", strength2: 1001 })).toEqual([
      expect.stringMatching(/^data\.strength2: /),
    ]);
  });

  it("lists the new kinds when the kind is unknown", () => {
    const [line] = problemsOf({ kind: "slabs" });
    expect(line).toMatch(/^data\.kind: /);
    expect(line).toContain('"lms"');
    expect(line).toContain('"two-point-toy"');
  });
});
