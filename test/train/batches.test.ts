import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { createBatches } from "../../src/train/batches.js";

const data = {
  name: "t",
  n: 10,
  d: 1,
  x: Float64Array.from({ length: 10 }, (_, i) => i),
  y: new Float64Array(10),
};

describe("minibatch order", () => {
  it("every point once per epoch, reshuffled when the order runs out (also mid-batch)", () => {
    const b = createBatches(data, data.x, 4, new Rng(1));
    const x = new Float64Array(4);
    const seen: number[] = [];
    for (let k = 0; k < 5; k++) {
      b.fill(x, new Float64Array(4));
      seen.push(...x);
    }
    expect([...seen.slice(0, 10)].sort((a, c) => a - c)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...seen.slice(10, 20)].sort((a, c) => a - c)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("state() and restore() continue the same sequence of batches (through JSON)", () => {
    const a = createBatches(data, data.x, 3, new Rng(2));
    const x = new Float64Array(3);
    const y = new Float64Array(3);
    for (let k = 0; k < 5; k++) a.fill(x, y);
    const state = JSON.parse(JSON.stringify(a.state()));
    const b = createBatches(data, data.x, 3, new Rng(99));
    b.restore(state);
    const xa = new Float64Array(3);
    for (let k = 0; k < 7; k++) {
      a.fill(xa, y);
      b.fill(x, y);
      expect(Array.from(x)).toEqual(Array.from(xa));
    }
    expect(() => createBatches({ ...data, n: 9 }, data.x, 3, new Rng(1)).restore(state)).toThrow(/same data/);
  });
});
