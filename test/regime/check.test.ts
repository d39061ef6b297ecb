import { describe, expect, it } from "vitest";
import {
  atMost,
  regimeFromScalars,
  regimeLines,
  regimeScalars,
  unmeasured,
  verdictOf,
} from "../../src/regime/check.js";

describe("regime verdict", () => {
  const flow = atMost("flowStep", "small step", "η·max‖x‖", 6, 1, "ok", "the step is too large");
  const init = atMost("initScale", "small init", "max|f|", 0.01, 0.1, "small", "large");
  const none = unmeasured("stability", "stable", "η·λ", "not measured");

  it("orders checks, names the broken ones with their numbers, counts the unmeasured", () => {
    const v = verdictOf([init, none, flow]);
    expect(v.checks.map((c) => c.id)).toEqual(["flowStep", "stability", "initScale"]);
    expect(v.holds).toBe(false);
    expect(v.breaks).toEqual(["flowStep"]);
    expect(v.unmeasured).toEqual(["stability"]);
    expect(v.summary).toBe("theory's assumptions break: flowStep (η·max‖x‖ = 6 > 1)");
    expect(regimeLines(v)).toEqual([v.summary, "  ✗ flowStep: the step is too large"]);
    expect(verdictOf([init, none]).summary).toBe(
      "theory's assumptions hold (1 measured; not measured: stability)",
    );
  });

  it("round-trips through store scalars", () => {
    const s = regimeScalars(verdictOf([init, none, flow]));
    expect(s["regime.holds"]).toBe(0);
    expect(s["regime.flowStep"]).toBe(6);
    expect(s["regime.stability.holds"]).toBeNull();
    expect(regimeFromScalars(s)).toBe("breaks: flowStep");
    expect(regimeFromScalars(regimeScalars(verdictOf([init])))).toBe("holds");
    expect(regimeFromScalars({ loss: 1 })).toBeNull();
  });
});
