import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { initialize } from "../../src/engine/init.js";
import { createMlp } from "../../src/engine/mlp.js";
import { forward } from "../../src/engine/propagate.js";
import { Rng } from "../../src/engine/rng.js";
import { createWorkspace } from "../../src/engine/workspace.js";
import { generatorGradient } from "../../src/gan/gan-steps.js";
import { GAN_LOSSES, generatorLoss } from "../../src/gan/losses.js";

describe("generatorGradient", () => {
  for (const loss of GAN_LOSSES) {
    it(`${loss}: the generator gradient through D matches finite differences`, () => {
      const be = createBackend("js");
      // tanh keeps the finite differences smooth (ReLU kinks would need a smaller step)
      const G = createMlp(
        { inputDim: 2, hidden: [5, 4], activation: "tanh", bias: true, leakySlope: 0, outputDim: 2 },
        be,
      );
      const D = createMlp({ inputDim: 2, hidden: [6, 3], activation: "tanh", bias: true, leakySlope: 0 }, be);
      const init = {
        kind: "layers" as const,
        balanced: false,
        layers: [{ scheme: "gaussian" as const, scale: 0.8, gain: 1, diagonal: "half-normal" as const }],
      };
      initialize(G, init, new Rng(1));
      initialize(D, init, new Rng(2));
      const n = 4;
      const Z = new Float64Array(2 * n);
      const r = new Rng(3);
      for (let i = 0; i < Z.length; i++) Z[i] = r.normal();
      const wsG = createWorkspace(G, n, be);
      const wsD = createWorkspace(D, n, be);
      const grad = new Float64Array(G.size);
      const dx = new Float64Array(2 * n);
      generatorGradient(loss, G, D, Z, n, wsG, wsD, be, grad, new Float64Array(D.size), dx);
      const tmp = new Float64Array(n);
      const L = () =>
        generatorLoss(loss, forward(D, D.params, forward(G, G.params, Z, n, wsG, be), n, wsD, be), n, tmp);
      const h = 1e-6;
      for (let i = 0; i < G.size; i++) {
        const o = G.params[i];
        G.params[i] = o + h;
        const up = L();
        G.params[i] = o - h;
        const dn = L();
        G.params[i] = o;
        expect(grad[i]).toBeCloseTo((up - dn) / (2 * h), 7);
      }
    });
  }
});
