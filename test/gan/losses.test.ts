import { describe, expect, it } from "vitest";
import { discriminatorLoss, GAN_LOSSES, generatorLoss } from "../../src/gan/losses.js";
import { sigmoid, softplus } from "../../src/math/logistic.js";

const f = [-3.2, -0.7, 0.4, 2.1, -1.5, 0.05, 1.3, -0.2];
const h = 1e-6;

describe("GAN losses", () => {
  it("softplus and sigmoid are stable far out", () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
  });

  it("discriminator CE is −log σ(D(x)) − log(1 − σ(D(G(z)))) averaged per batch", () => {
    const g = new Float64Array(4);
    const v = discriminatorLoss("nonsaturating", [1, -2, 0.5, 3], 2, 2, g);
    const ref =
      (-Math.log(sigmoid(1)) - Math.log(sigmoid(-2))) / 2 +
      (-Math.log(1 - sigmoid(0.5)) - Math.log(1 - sigmoid(3))) / 2;
    expect(v).toBeCloseTo(ref, 13);
    expect(discriminatorLoss("hinge", [1.5, 0.2, -2, 0.5], 2, 2, g)).toBeCloseTo(
      (0 + 0.8) / 2 + (0 + 1.5) / 2,
      14,
    );
  });

  for (const loss of GAN_LOSSES) {
    it(`${loss}: ∂/∂f matches central differences (discriminator and generator)`, () => {
      const gd = new Float64Array(f.length);
      discriminatorLoss(loss, f, 3, 5, gd);
      const gg = new Float64Array(f.length);
      generatorLoss(loss, f, f.length, gg);
      const tmp = new Float64Array(f.length);
      for (let i = 0; i < f.length; i++) {
        const up = [...f];
        const dn = [...f];
        up[i] += h;
        dn[i] -= h;
        const fdD =
          (discriminatorLoss(loss, up, 3, 5, tmp) - discriminatorLoss(loss, dn, 3, 5, tmp)) / (2 * h);
        const fdG =
          (generatorLoss(loss, up, f.length, tmp) - generatorLoss(loss, dn, f.length, tmp)) / (2 * h);
        expect(gd[i]).toBeCloseTo(fdD, 8);
        expect(gg[i]).toBeCloseTo(fdG, 8);
      }
    });
  }

  it("hinge gives exactly zero gradient beyond the margin; CE never does", () => {
    const g = new Float64Array(4);
    discriminatorLoss("hinge", [3, 1.2, -4, -1.1], 2, 2, g);
    expect(Array.from(g)).toEqual([0, 0, 0, 0]);
    discriminatorLoss("nonsaturating", [3, 1.2, -4, -1.1], 2, 2, g);
    for (const v of g) expect(v).not.toBe(0);
  });

  it("minimax generator saturates when D rejects the fakes; non-saturating does not", () => {
    const g = new Float64Array(1);
    generatorLoss("minimax", [-30], 1, g);
    expect(Math.abs(g[0])).toBeLessThan(1e-12);
    generatorLoss("nonsaturating", [-30], 1, g);
    expect(g[0]).toBeCloseTo(-1, 12);
  });
});
