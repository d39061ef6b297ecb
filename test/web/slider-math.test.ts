import { describe, expect, it } from "vitest";
import { logPosition, logValue, round3, splitAt, splitOf } from "../../web/src/state/slider-math.js";

describe("the quick sliders' arithmetic", () => {
  it("maps a log slider both ways, writing 3 significant digits", () => {
    expect(round3(0.0123456)).toBe(0.0123);
    expect(logValue(0, 1e-4, 10)).toBe(1e-4);
    expect(logValue(600, 1e-4, 10)).toBe(10);
    expect(logValue(logPosition(0.05, 1e-4, 10), 1e-4, 10)).toBeCloseTo(0.05, 2);
    expect(logPosition(1e9, 1e-4, 10)).toBe(600);
  });

  it("splits one pool of points by the training share, and reads the config's split", () => {
    expect(splitAt(500, 0.5)).toEqual({ n: 250, nTest: 250 });
    expect(splitAt(500, 0.1)).toEqual({ n: 50, nTest: 450 });
    expect(splitAt(10, 0.95)).toEqual({ n: 8, nTest: 2 }); // a test set keeps 2 points (moons needs 2)
    expect(splitOf({ data: { kind: "playground", n: 300 } })).toEqual({
      n: 300,
      nTest: 250,
      ratio: 300 / 550,
    });
    expect(splitOf({ data: { kind: "moons", n: 100 } })?.ratio).toBe(0.5);
    expect(splitOf({ data: { kind: "orthogonal" } })).toBeNull();
  });
});
