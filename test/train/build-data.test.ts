import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { buildData } from "../../src/train/build-data.js";

describe("buildData", () => {
  it("gives the network the config's input features of 2-D data, train and test alike", () => {
    const base = { data: { kind: "playground", set: "xor", n: 20, nTest: 10 } } as const;
    const plain = buildData(parseRunConfig(base));
    const crossed = buildData(parseRunConfig({ ...base, inputs: ["x1*x2", "x1^2"] }));
    expect(crossed.train.d).toBe(2);
    expect(crossed.train.x[0]).toBe(plain.train.x[0] * plain.train.x[1]);
    expect(crossed.train.x[1]).toBe(plain.train.x[0] ** 2);
    expect(crossed.tests.test.x[0]).toBe(plain.tests.test.x[0] * plain.tests.test.x[1]);
    expect(Array.from(crossed.train.y)).toEqual(Array.from(plain.train.y));
  });

  it("refuses input features on data that is not 2-D", () => {
    expect(() => parseRunConfig({ inputs: ["x1", "x1"] })).toThrow(/once/);
    expect(() => buildData(parseRunConfig({ data: { kind: "orthogonal" }, inputs: ["x1"] }))).toThrow(
      /defined for 2-D data/,
    );
  });
});
