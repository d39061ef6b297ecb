import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { createBackend } from "../../src/engine/backends.js";
import { initialize } from "../../src/engine/init.js";
import { lossAndGradient } from "../../src/engine/loss.js";
import { createMlp } from "../../src/engine/mlp.js";
import { backward, forward } from "../../src/engine/propagate.js";
import { Rng } from "../../src/engine/rng.js";
import { createWorkspace } from "../../src/engine/workspace.js";
import { accumulateGradient } from "../../src/train/accumulate.js";
import { runTraining } from "../../src/train/run.js";

const base = {
  seed: 2,
  data: { kind: "blobs", n: 300, d: 5 },
  model: { hidden: [16, 16], activation: "tanh", bias: true },
  init: { scheme: "xavier-normal" },
  loss: { kind: "ce", reduction: "mean" },
  optimizer: { kind: "adam", lr: 0.01 },
  train: { steps: 50 },
  probes: { schedule: { kind: "every", every: 10 } },
};

const maxRelative = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
  return worst;
};

describe("chunked gradient accumulation", () => {
  it("the gradient is the sum of the chunks' gradients: equal to the one-pass gradient to rounding", () => {
    const be = createBackend("js");
    const n = 300;
    const d = 5;
    const rng = new Rng(1);
    const x = Float64Array.from({ length: n * d }, () => rng.normal());
    const y = Float64Array.from({ length: n }, (_, i) => (x[i * d] > 0 ? 1 : -1));
    const mlp = createMlp(
      { inputDim: d, hidden: [16, 16], activation: "tanh", bias: true, leakySlope: 0 },
      be,
    );
    initialize(
      mlp,
      {
        kind: "layers",
        balanced: false,
        layers: [{ scheme: "xavier-normal", scale: 1, gain: 1, diagonal: "half-normal" }],
      },
      rng,
    );
    const spec = { kind: "ce" as const, reduction: "mean" as const, margin: 1 };
    const whole = createWorkspace(mlp, n, be);
    const one = new Float64Array(mlp.size);
    forward(mlp, mlp.params, x, n, whole, be);
    lossAndGradient(spec, whole.logits, y, n, whole.dLogits);
    backward(mlp, mlp.params, x, n, whole, be, one);
    for (const chunk of [300, 64, 7]) {
      const ws = createWorkspace(mlp, chunk, be);
      const grad = new Float64Array(mlp.size);
      const logits = new Float64Array(n);
      accumulateGradient(
        { mlp, backend: be, x, y, n, d, ws, chunk, logits },
        grad,
        new Float64Array(mlp.size),
        (lg, yc, rows, dl) => {
          lossAndGradient(spec, lg, yc, rows, dl, n);
        },
      );
      const worst = maxRelative(grad, one);
      if (chunk === n) expect(worst).toBe(0);
      else {
        // Measured (js backend): 64 → 2.4e-13, 7 → 3.8e-13 worst relative per component (sums in another
        // order; the worst components are the small ones).
        expect(worst).toBeGreaterThan(0);
        expect(worst).toBeLessThan(1e-11);
      }
    }
  });

  it("a run with train.chunk ≥ n is the unchunked run bit for bit; smaller chunks agree to rounding", () => {
    const plain = runTraining(parseRunConfig(base));
    const all = runTraining(parseRunConfig({ ...base, train: { steps: 50, chunk: 300 } }));
    expect(JSON.stringify(all.history)).toBe(JSON.stringify(plain.history));
    const chunked = runTraining(parseRunConfig({ ...base, train: { steps: 50, chunk: 32 } }));
    const lossDiff = maxRelative(
      chunked.history.map((r) => r.loss),
      plain.history.map((r) => r.loss),
    );
    // Measured: 5.4e-16 worst relative difference of the recorded loss after 50 Adam steps.
    expect(lossDiff).toBeLessThan(1e-9);
    expect(chunked.history.map((r) => r.step)).toEqual(plain.history.map((r) => r.step));
  });
});
