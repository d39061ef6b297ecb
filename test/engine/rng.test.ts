import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";

describe("Rng state", () => {
  it("state() through JSON and restore() continue the same draws, the spare normal included", () => {
    const a = new Rng(5, "s");
    for (let i = 0; i < 13; i++) a.uniform();
    a.normal(); // leaves the pair's second draw as the spare
    const b = new Rng(0);
    b.restore(JSON.parse(JSON.stringify(a.state())));
    const next = (r: Rng) => [r.normal(), r.normal(), r.uniform(), r.nextUint32(), r.fork("x").uniform()];
    expect(next(b)).toEqual(next(a));
    expect(() => b.restore({ s: [1, 2, 3], spareNormal: null })).toThrow(/4 integers/);
  });
});
