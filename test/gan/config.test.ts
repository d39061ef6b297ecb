import { describe, expect, it } from "vitest";
import { parseGanConfig } from "../../src/gan/config.js";

describe("GAN config", () => {
  it("fills every default from {}", () => {
    const c = parseGanConfig({});
    expect(c.data).toBe("ring");
    expect(c.loss).toBe("hinge");
    expect(c.optimizer).toMatchObject({ kind: "adam", lr: 1e-4, beta1: 0.5, beta2: 0.999 });
    expect(c.generator).toEqual({ hidden: [128, 128], noiseDim: 2 });
    expect(c.discriminator).toEqual({ hidden: [128, 128] });
    expect(c.evalSamples).toBe(2500);
    expect(parseGanConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it("names every bad field", () => {
    expect(() => parseGanConfig({ loss: "wgan", optimizer: { lr: -1 }, typo: 1 })).toThrow(
      /loss[\s\S]*optimizer\.lr|optimizer\.lr[\s\S]*loss/,
    );
    expect(() => parseGanConfig({ dSteps: 0 })).toThrow(/dSteps/);
  });
});
