import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import type { Dataset } from "../../src/data/dataset.js";
import { fatesCheck, offDiagonalCheck } from "../../src/regime/checks-modes.js";
import { inputGeometry } from "../../src/regime/geometry.js";

const data: Dataset = {
  name: "t",
  n: 2,
  d: 2,
  x: new Float64Array([1, 0, 0, 1]),
  y: new Float64Array([1, 1]),
};
const spec = { inputDim: 2, hidden: [2], activation: "relu" as const, bias: false, leakySlope: 0 };
const initial = new Float64Array([0.1, 0, 0, 0.1, 0.05, 0.05]);
const run = { config: parseRunConfig({}), data, spec, initialParams: initial };

describe("end-of-run mode checks", () => {
  it("need the final weights", () => {
    expect(offDiagonalCheck(run, inputGeometry(data)).why).toMatch(/end of the run/);
    expect(fatesCheck(run, inputGeometry(data)).why).toMatch(/end of the run/);
  });

  it("need a unit per point: one hidden unit for two points is not the exact setting", () => {
    const small = { ...run, spec: { ...spec, hidden: [1] }, initialParams: new Float64Array([0.1, 0, 0.05]) };
    expect(fatesCheck({ ...small, finalParams: small.initialParams }, inputGeometry(data)).holds).toBeNull();
  });

  it("measure growth and fates when given both ends", () => {
    const final = new Float64Array([0.5, 0.01, 0, 0.5, 0.5, 0.5]);
    const g = inputGeometry(data);
    expect(offDiagonalCheck({ ...run, finalParams: final }, g).value).toBeCloseTo(0.02, 15);
    expect(fatesCheck({ ...run, finalParams: final }, g).value).toBe(0);
  });
});
