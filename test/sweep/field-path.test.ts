import { describe, expect, it } from "vitest";
import { checkFieldPath, setField } from "../../src/sweep/field-path.js";

describe("checkFieldPath", () => {
  it("accepts schema fields and array indices", () => {
    expect(checkFieldPath("optimizer.lr")).toBeNull();
    expect(checkFieldPath("train.stop.targetError")).toBeNull();
    expect(checkFieldPath("train.stop.plateau.window")).toBeNull();
    expect(checkFieldPath("init.weights.0.W.0.0")).toBeNull();
    expect(checkFieldPath("seed")).toBeNull();
  });
  it("names the unknown part", () => {
    expect(checkFieldPath("optimiser.lr")).toContain('unknown field "optimiser" in the run config');
    expect(checkFieldPath("a..b")).toContain("empty part");
  });
});

describe("setField", () => {
  it("sets nested fields, creating objects and lists", () => {
    const raw: Record<string, unknown> = {};
    setField(raw, "optimizer.lr", 0.5);
    setField(raw, "init.weights.1.W.0.0", 2);
    expect(raw).toEqual({ optimizer: { lr: 0.5 }, init: { weights: [undefined, { W: [[2]] }] } });
  });
  it("copies a missing container from the defaults", () => {
    const raw: Record<string, unknown> = { data: { kind: "orthogonal" } };
    setField(raw, "data.norms.0", 3, { data: { kind: "orthogonal", norms: [1, 1, 1, 1] } });
    expect(raw).toEqual({ data: { kind: "orthogonal", norms: [3, 1, 1, 1] } });
  });
  it("changes an existing list in place", () => {
    const raw: Record<string, unknown> = { init: { weights: [{ W: [[1]] }, { W: [[1]] }] } };
    setField(raw, "init.weights.0.W.0.0", -1);
    expect(raw).toEqual({ init: { weights: [{ W: [[-1]] }, { W: [[1]] }] } });
  });
});
