import { describe, expect, it } from "vitest";
import * as theory from "../../src/theory/index.js";

describe("theory index", () => {
  it("re-exports every concept", () => {
    for (const name of [
      "ei",
      "gd",
      "integrate",
      "integrateLogTime",
      "simulateMode",
      "timeToMargin",
      "marginAtTime",
      "flipTimeCE",
      "flipTimeExact",
      "errorCurve",
      "classifyInit",
      "failureRegions",
      "featureLearningTimeExact",
      "simulateStarvation",
      "saxeStrength",
      "toyFixedPoint",
      "toyGradientDescent",
    ]) {
      expect(typeof (theory as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
