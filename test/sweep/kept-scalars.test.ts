import { describe, expect, it } from "vitest";
import { unrecordedScalars } from "../../src/sweep/kept-scalars.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { smallSpec } from "./fixtures.js";

const spec = (include: string[] | undefined, scalars: string[], axes: unknown[] = []) => {
  const base = smallSpec().base as Record<string, unknown>;
  const probes = include === undefined ? undefined : { include };
  return parseSweepSpec(smallSpec({ base: { ...base, probes }, axes: axes as never, keep: { scalars } }));
};

describe("unrecordedScalars", () => {
  it("accepts the trainer's fields and those of the included probes", () => {
    expect(unrecordedScalars(spec(["margins"], ["loss", "error", "steps", "t", "marginMin"]))).toEqual([]);
    expect(unrecordedScalars(spec(["feature-responses"], ["response.1", "response[0]"]))).toEqual([]);
    expect(unrecordedScalars(spec(["test-accuracy"], ["accuracy:B-only"]))).toEqual([]);
  });

  it("refuses a scalar whose probe is not included, naming the probe to add", () => {
    const problems = unrecordedScalars(spec(undefined, ["loss", "marginMin"]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"marginMin" is recorded by the probe "margins"');
    expect(problems[0]).toContain('"include": ["margins"]');
  });

  it("refuses a scalar no probe records", () => {
    expect(unrecordedScalars(spec(["margins"], ["marginMax"]))[0]).toContain('no probe records "marginMax"');
  });

  it("does not guess when an axis varies the probes", () => {
    const axes = [{ field: "probes.include", values: [["margins"], []] }];
    expect(unrecordedScalars(spec([], ["marginMin"], axes))).toEqual([]);
  });
});
