import { describe, expect, it } from "vitest";
import { Rng } from "../../../src/engine/rng.js";
import { torchLinearInit } from "../../../src/kit/measure/torch-init.js";

describe("torchLinearInit", () => {
  it("draws W and b per layer uniform in ±1/√fan_in, shaped outputs × inputs", () => {
    const layers = torchLinearInit([3, 40, 7, 1], new Rng(5));
    expect(layers.map((l) => [l.W.length, l.W[0].length, l.b.length])).toEqual([
      [40, 3, 40],
      [7, 40, 7],
      [1, 7, 1],
    ]);
    layers.forEach((l, k) => {
      const bound = 1 / Math.sqrt([3, 40, 7][k]);
      const all = [...l.W.flat(), ...l.b];
      expect(Math.max(...all.map(Math.abs))).toBeLessThanOrEqual(bound);
      // Uniform, not concentrated: some draw lands in the outer fifth of the range.
      expect(Math.max(...all.map(Math.abs))).toBeGreaterThan(0.8 * bound);
      expect(all.some((v) => v < 0) && all.some((v) => v > 0)).toBe(true);
    });
  });

  it("is a function of the Rng: same seed, same weights; another seed, others", () => {
    const a = torchLinearInit([2, 5, 1], new Rng(1));
    expect(torchLinearInit([2, 5, 1], new Rng(1))).toEqual(a);
    expect(torchLinearInit([2, 5, 1], new Rng(2))).not.toEqual(a);
  });
});
