import { describe, expect, it } from "vitest";
import { boundCheck } from "../../src/kit/checks.js";
import { defineClaim } from "../../src/kit/claim.js";
import { ClaimShapeError } from "../../src/kit/validate.js";

/** A claim over plain numbers: the measurement doubles the setting, the check wants it below a bound. */
function numberClaim(bound: number) {
  const calls: string[] = [];
  const claim = defineClaim({
    id: "twice",
    claim: "T1",
    title: "Twice the setting",
    predictions: ["T"],
    settings: { default: { x: 1 }, full: { x: 10 } },
    measure: ({ settings, seed }) => {
      calls.push("measure");
      return { y: 2 * settings.x + seed };
    },
    checks: (m) => {
      calls.push("checks");
      return [boundCheck("T", "y stays small", m.y, bound, { why: "the test's own bound" })];
    },
    summary: (m, ctx) => [`y = ${m.y} at scale ${ctx.scale}`],
    figures: () => {
      calls.push("figures");
      return [];
    },
    configs: (m) => ({ run: { y: m.y } }),
  });
  return { claim, calls };
}

describe("defineClaim", () => {
  it("runs measure once, then the pieces, and fills the result's id, scale, seed and time", () => {
    const { claim, calls } = numberClaim(5);
    const r = claim.run({ scale: "default", seed: 1 });
    expect(calls).toEqual(["measure", "checks", "figures"]);
    expect(r).toMatchObject({
      id: "twice",
      claim: "T1",
      title: "Twice the setting",
      scale: "default",
      seed: 1,
    });
    expect(r.checks[0]).toMatchObject({ measured: 3, pass: true });
    expect(r.summary).toEqual(["y = 3 at scale default"]);
    expect(r.limits).toEqual([]);
    expect(r.configs).toEqual({ run: { y: 3 } });
    expect(r.seconds).toBeGreaterThanOrEqual(0);
    expect(r.error).toBeUndefined();
  });

  it("takes the settings of the scale asked for, or explicit ones with runWith", () => {
    const { claim } = numberClaim(5);
    const full = claim.run({ scale: "full", seed: 0 });
    expect(full.checks[0]).toMatchObject({ measured: 20, pass: false });
    expect(claim.runWith({ x: 0.5 }).checks[0].measured).toBe(1);
    expect(claim.settings.full).toEqual({ x: 10 });
    expect(claim.predictions).toEqual(["T"]);
  });

  it("rejects a piece that returns a malformed result, naming the claim and the piece", () => {
    const bad = defineClaim({
      id: "bad",
      claim: "B",
      title: "Bad",
      predictions: [],
      settings: { default: {}, full: {} },
      measure: () => 1,
      // A user writing JavaScript can return anything; the kit says what is wrong.
      checks: () => [{ prediction: "P", statement: "s", predicted: 1, measured: 1, tolerance: "t" }] as never,
      summary: () => [],
    });
    expect(() => bad.run({ scale: "default", seed: 0 })).toThrow(ClaimShapeError);
    expect(() => bad.run({ scale: "default", seed: 0 })).toThrow(
      /claim "bad".*checks\(\)\[0\] needs a boolean "pass"/,
    );
  });
});
