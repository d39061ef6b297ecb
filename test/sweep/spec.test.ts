import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/validate.js";
import { axisName, parseSweepSpec } from "../../src/sweep/spec.js";
import { smallSpec } from "./fixtures.js";

function problems(input: unknown): string {
  try {
    parseSweepSpec(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected the spec to be refused");
}

describe("parseSweepSpec", () => {
  it("fills defaults", () => {
    const spec = parseSweepSpec({ name: "a", axes: [{ field: "optimizer.lr", values: [0.1] }] });
    expect(spec.combine).toBe("cross");
    expect(spec.seeds).toBe(1);
    expect(spec.keep).toEqual({ scalars: ["loss", "error"], history: false });
    expect(axisName(spec.axes[0])).toBe("optimizer.lr");
  });

  it("accepts the small fixture", () => {
    expect(parseSweepSpec(smallSpec()).axes).toHaveLength(2);
  });

  it("refuses an unknown field, naming the axis and the known fields", () => {
    const msg = problems({ name: "a", axes: [{ field: "optimizer.lrr", values: [0.1] }] });
    expect(msg).toContain('axes.0 ("optimizer.lrr")');
    expect(msg).toContain('unknown field "lrr" in optimizer');
    expect(msg).toContain("lr, momentum");
  });

  it("refuses indexing a non-list and a list with a name", () => {
    expect(problems({ name: "a", axes: [{ field: "optimizer.lr.x", values: [1] }] })).toContain(
      "optimizer.lr is a single value",
    );
    expect(problems({ name: "a", axes: [{ field: "model.hidden.first", values: [1] }] })).toContain(
      "model.hidden is a list",
    );
  });

  it("accepts array paths through unions (data kinds, explicit init)", () => {
    for (const field of [
      "data.norms.0",
      "init.weights.1.W.0.0",
      "init.layers.1.values.0",
      "data.features.1.frequency",
    ]) {
      expect(() => parseSweepSpec({ name: "a", axes: [{ field, values: [0.5] }] })).not.toThrow();
    }
  });

  it("refuses empty ranges and empty value lists", () => {
    expect(
      problems({ name: "a", axes: [{ field: "optimizer.lr", range: { from: 0.1, to: 1, count: 0 } }] }),
    ).toContain("empty range");
    expect(problems({ name: "a", axes: [{ field: "optimizer.lr", values: [] }] })).toContain(
      '"values" is empty',
    );
  });

  it("refuses a log range through zero", () => {
    expect(
      problems({
        name: "a",
        axes: [{ field: "optimizer.lr", range: { from: 0, to: 1, count: 3, scale: "log" } }],
      }),
    ).toContain("log range needs from > 0");
  });

  it("refuses zip of unequal lengths, both field and fields, duplicate names, bad derive", () => {
    expect(
      problems({
        name: "a",
        combine: "zip",
        axes: [
          { field: "optimizer.lr", values: [1, 2] },
          { field: "init.scale", values: [1] },
        ],
      }),
    ).toContain("equal length");
    expect(problems({ name: "a", axes: [{ field: "seed", fields: ["seed"], values: [1] }] })).toContain(
      "exactly one of",
    );
    expect(
      problems({
        name: "a",
        axes: [
          { name: "x", field: "optimizer.lr", values: [1] },
          { name: "x", field: "init.scale", values: [1] },
        ],
      }),
    ).toContain('"x" is used twice');
    expect(
      problems({ name: "a", axes: [{ fields: ["init.scale", "optimizer.lr"], derive: [{}], values: [1] }] }),
    ).toContain('"derive" has 1 entries');
  });

  it("refuses report hints naming unknown axes or scalars", () => {
    const msg = problems({
      name: "a",
      axes: [{ field: "optimizer.lr", values: [1] }],
      report: { heatmaps: [{ x: "lr", y: "optimizer.lr", value: "marginMin" }] },
    });
    expect(msg).toContain('no axis named "lr"');
    expect(msg).toContain('"marginMin" is not in keep.scalars');
  });

  it("refuses unknown spec fields and bad names", () => {
    expect(problems({ name: "a", axis: [] })).toContain('unknown field(s) "axis"');
    expect(problems({ name: "a b" })).toContain("name");
  });
});
