import { describe, expect, it } from "vitest";
import { ClaimShapeError, validateExperiment, validateOutput } from "../../src/kit/validate.js";

const good = { id: "mine", claim: "M1", title: "Mine", predictions: ["P"], run: () => ({}) };
const output = { summary: ["s"], checks: [], limits: [], figures: [], configs: {} };

describe("validateExperiment", () => {
  it("accepts what defineClaim returns", () => {
    expect(() => validateExperiment(good, "x")).not.toThrow();
  });

  it("names every missing or wrong field and the fix", () => {
    const attempt = () => validateExperiment({ id: "my claim", title: 3, predictions: "P3" }, "the export");
    expect(attempt).toThrow(ClaimShapeError);
    expect(attempt).toThrow(/the export is not a valid claim/);
    expect(attempt).toThrow(/"claim" must be a non-empty string \(got undefined\)/);
    expect(attempt).toThrow(/"title" must be a non-empty string \(got number\)/);
    expect(attempt).toThrow(/"id" "my claim" must be file-safe/);
    expect(attempt).toThrow(/"predictions" must be an array of strings/);
    expect(attempt).toThrow(/no run function.*Fix: export the value returned by defineClaim/);
  });

  it("tells a spec that was not wrapped in defineClaim apart", () => {
    const { run: _, ...spec } = good;
    expect(() => validateExperiment({ ...spec, measure: () => 0 }, "x")).toThrow(/wrap it in defineClaim/);
    expect(() => validateExperiment(null, "x")).toThrow(/x is null, not a claim/);
  });
});

describe("validateOutput", () => {
  it("accepts a complete output", () => {
    expect(() => validateOutput(output, "mine")).not.toThrow();
  });

  it("rejects non-arrays, bad checks, repeated figure names and missing configs", () => {
    const fig = { name: "a", caption: "c", figure: {} };
    const bad = {
      summary: "one paragraph",
      checks: [
        { prediction: "P", statement: "s", predicted: 1, measured: null, tolerance: "t", pass: "yes" },
      ],
      limits: [{ setting: "s" }],
      figures: [fig, fig],
      configs: undefined,
    };
    const attempt = () => validateOutput(bad as never, "mine");
    expect(attempt).toThrow(/claim "mine" returned a malformed result/);
    expect(attempt).toThrow(/summary\(\) must return an array \(got string\)/);
    expect(attempt).toThrow(/checks\(\)\[0\] needs "measured" as a number or string, needs a boolean "pass"/);
    expect(attempt).toThrow(/limits\(\)\[0\] needs string "setting" and "deviation"/);
    expect(attempt).toThrow(/figures\(\)\[1\] repeats the name "a"/);
    expect(attempt).toThrow(/configs\(\) must return an object/);
  });

  it("rejects a check without a basis (how its tolerance was derived), naming the fix", () => {
    const check = {
      prediction: "P",
      statement: "s",
      predicted: 1,
      measured: 1,
      tolerance: "≤ 0.1",
      pass: true,
    };
    for (const basis of [undefined, "", "  ", 3]) {
      const attempt = () => validateOutput({ ...output, checks: [{ ...check, basis }] } as never, "mine");
      expect(attempt).toThrow(
        /checks\(\)\[0\] needs a non-empty string "basis" saying how its tolerance was derived/,
      );
    }
    expect(() =>
      validateOutput({ ...output, checks: [{ ...check, basis: "rounding" }] }, "mine"),
    ).not.toThrow();
  });

  it("accepts a published value with its source and rejects one without, naming the field", () => {
    const check = {
      prediction: "P",
      statement: "s",
      predicted: 1,
      measured: 1,
      tolerance: "≤ 0.1",
      basis: "rounding",
      pass: true,
    };
    const run = (published: unknown) => () =>
      validateOutput({ ...output, checks: [{ ...check, published }] } as never, "mine");
    expect(run({ value: 68.4, source: "Pezeshki et al. 2021, Table 1" })).not.toThrow();
    expect(run({ value: "about chance", source: "Shah et al. 2020" })).not.toThrow();
    expect(run({ value: 1, source: " " })).toThrow(/"published" needs a non-empty string "source"/);
    expect(run({ source: "x" })).toThrow(/"published" needs a "value" \(number or string\)/);
    expect(run(null)).toThrow(/"published" needs a "value"/);
  });
});
