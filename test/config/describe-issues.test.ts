import { describe, expect, it } from "vitest";
import { shown } from "../../src/config/describe-issues.js";
import { ConfigError, parseRunConfig } from "../../src/config/validate.js";

function problems(input: unknown): string[] {
  try {
    parseRunConfig(input);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("config messages", () => {
  it("a union (init) is reported through the variant meant, not by calling valid keys unknown", () => {
    expect(problems({ init: { scheme: "explicit", weights: [[1, "a"]] } })).toEqual([
      expect.stringMatching(/^init\.weights\.0: .*expected object/),
    ]);
    const layers = problems({ init: { layers: [{ scheme: "x" }] } });
    expect(layers).toEqual([expect.stringMatching(/^init\.layers\.0\.scheme: .*"gaussian".*got "x"$/)]);
    for (const p of [...layers, ...problems({ init: { scheme: "explicit", weights: [[1, "a"]] } })]) {
      expect(p).not.toMatch(/Unrecognized key|unknown field|value:/);
    }
  });

  it("an unknown tag lists every value it may take and the one given", () => {
    expect(problems({ init: { scheme: "gauss" } })).toEqual([
      expect.stringMatching(/^init\.scheme: got "gauss"; expected one of "explicit", "gaussian", .*"zeros"$/),
    ]);
  });

  it("a discriminator error shows the value received", () => {
    expect(problems({ data: { kind: "moonz" } })).toEqual([
      expect.stringMatching(/^data\.kind: got "moonz"; expected one of "orthogonal", .*"moons"/),
    ]);
    expect(problems({ probes: { schedule: { every: 5 } } })[0]).toMatch(
      /probes\.schedule\.kind: got nothing/,
    );
  });

  it("refuses a history too long to keep, naming the field and the fix", () => {
    expect(problems({ train: { steps: 2e8 } })).toEqual([
      expect.stringMatching(
        /^probes\.schedule: recording every 10 steps over train\.steps = 200000000 keeps 20000001 records.*set probes\.schedule\.every to at least 101/,
      ),
    ]);
    expect(() =>
      parseRunConfig({ train: { steps: 2e8 }, probes: { schedule: { kind: "every", every: 101 } } }),
    ).not.toThrow();
    expect(() =>
      parseRunConfig({ train: { steps: 1e9 }, probes: { schedule: { kind: "log", perDecade: 20 } } }),
    ).not.toThrow();
    // An invalid `every` is reported once, by its own field.
    expect(problems({ probes: { schedule: { kind: "every", every: 0 } } })).toHaveLength(1);
  });

  it("shows values short", () => {
    expect(shown("a".repeat(100))).toHaveLength(60);
    expect(shown(undefined)).toBe("nothing");
  });
});
