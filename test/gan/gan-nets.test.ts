import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { parseGanConfig } from "../../src/gan/config.js";
import { createGanNets } from "../../src/gan/gan-nets.js";

describe("createGanNets", () => {
  const config = parseGanConfig({
    generator: { hidden: [6, 5], noiseDim: 3 },
    discriminator: { hidden: [4] },
    batchSize: 10,
    evalSamples: 50,
    optimizer: { lr: 1e-3, generatorLr: 2e-3 },
    seed: 4,
  });

  it("builds G (noise → 2-D) and D (2-D → logit) with PyTorch's nn.Linear weights", () => {
    const nets = createGanNets(config, createBackend("js"));
    expect(nets.G.size).toBe(3 * 6 + 6 + 6 * 5 + 5 + 5 * 2 + 2);
    expect(nets.D.size).toBe(2 * 4 + 4 + 4 + 1);
    // first layer of G: fan_in 3, so |w| ≤ 1/√3, and not all at one value
    const w = Array.from(nets.G.params.subarray(0, 18));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(3));
    expect(new Set(w).size).toBe(18);
    expect(nets.evalNoise.length).toBe(50 * 3);
    expect(nets.optG.hyper().lr).toBe(2e-3);
    expect(nets.optD.hyper().lr).toBe(1e-3);
  });

  it("is a function of the seed: the same config gives the same nets and streams, another seed others", () => {
    const a = createGanNets(config, createBackend("js"));
    const b = createGanNets(config, createBackend("js"));
    expect(Array.from(b.G.params)).toEqual(Array.from(a.G.params));
    expect(b.noiseRng.state()).toEqual(a.noiseRng.state());
    const c = createGanNets({ ...config, seed: 5 }, createBackend("js"));
    expect(Array.from(c.D.params)).not.toEqual(Array.from(a.D.params));
  });
});
