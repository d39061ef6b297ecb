import { describe, expect, it } from "vitest";
import { jsBackend } from "../../../src/engine/backend-js.js";
import { createMlp } from "../../../src/engine/mlp.js";
import { Rng } from "../../../src/engine/rng.js";
import { compileFusedStep, FUSED_MAX_TERMS } from "../../../src/train/batched/fused-step.js";
import {
  createStackedMlp,
  stackedBackward,
  stackedForward,
  stackedGdStep,
} from "../../../src/train/batched/stacked-mlp.js";

function setup(activation: "relu" | "tanh" | "leaky-relu" | "linear", bias: boolean) {
  const mlp = createMlp({ inputDim: 3, hidden: [4, 2], activation, bias, leakySlope: 0.1 }, jsBackend);
  const B = 4;
  const n = 2;
  const rng = new Rng(7);
  const make = () => {
    const s = createStackedMlp(mlp, B, n);
    return s;
  };
  const a = make();
  const b = make();
  for (let k = 0; k < a.params.length; k++) a.params[k] = b.params[k] = rng.normal();
  for (let k = 0; k < a.x.length; k++) a.x[k] = b.x[k] = rng.normal();
  return { mlp, B, n, a, b, rng };
}

describe("compileFusedStep", () => {
  it("backward and update from given ∂L/∂f equal the stacked kernels bit for bit", () => {
    for (const activation of ["relu", "tanh", "leaky-relu", "linear"] as const) {
      for (const bias of [false, true]) {
        const { mlp, B, n, a, b, rng } = setup(activation, bias);
        for (let k = 0; k < a.dLogits.length; k++) a.dLogits[k] = b.dLogits[k] = rng.normal();
        const lr = Float64Array.of(0.1, 0.2, 0.3, 0.05);
        const wd = Float64Array.of(0, 1e-3, 0, 0.01);
        const live = new Uint8Array(B).fill(1);
        stackedForward(a);
        stackedBackward(a);
        stackedGdStep(a, lr, wd, live);
        const z = new Float64Array(B);
        const fused = compileFusedStep(mlp, n, {
          runs: B,
          params: b.params,
          x: b.x,
          logits: b.z[b.z.length - 1],
          dLogits: b.dLogits,
          live,
          eligible: new Uint8Array(B),
          fast: new Uint8Array(B),
          nextDue: z,
          steps: z,
          y: new Float64Array(n * B),
          scale: z,
          divergeAbove: z,
          sd: z,
          lr,
          wd,
          slope: Float64Array.of(0.1),
        });
        if (!fused) throw new Error("not compiled");
        for (let r = 0; r < B; r++) fused.given(r);
        expect([...b.params], `${activation} bias ${bias}`).toEqual([...a.params]);
      }
    }
  });

  it("declines nets too large for straight-line code", () => {
    const mlp = createMlp(
      { inputDim: 40, hidden: [30], activation: "relu", bias: false, leakySlope: 0.01 },
      jsBackend,
    );
    expect(mlp.size).toBeGreaterThan(FUSED_MAX_TERMS);
    const none = new Float64Array(1);
    const u = new Uint8Array(1);
    const arrays = {
      runs: 1,
      params: none,
      x: none,
      logits: none,
      dLogits: none,
      live: u,
      eligible: u,
      fast: u,
    };
    expect(
      compileFusedStep(mlp, 1, {
        ...arrays,
        nextDue: none,
        steps: none,
        y: none,
        scale: none,
        divergeAbove: none,
        sd: none,
        lr: none,
        wd: none,
        slope: none,
      }),
    ).toBeNull();
  });
});
