import { describe, expect, it } from "vitest";
import { ACTIVATIONS, type ActivationKind } from "../../src/engine/activation.js";
import type { Backend } from "../../src/engine/backend.js";
import { jsBackend } from "../../src/engine/backend-js.js";
import { createBackend } from "../../src/engine/backends.js";
import { hessianOperator } from "../../src/engine/hvp.js";
import { LOSSES, type LossSpec } from "../../src/engine/loss.js";
import { createMlp, type Mlp, zeroOffDiagonal } from "../../src/engine/mlp.js";
import { lossObjective, type OutputObjective, squaredObjective } from "../../src/engine/output-curvature.js";
import { backward, forward } from "../../src/engine/propagate.js";
import { Rng } from "../../src/engine/rng.js";
import { createWorkspace } from "../../src/engine/workspace.js";
import { randomSetup } from "./helpers.js";
import { NATIVE_VS_EXACT, TESTED_BACKENDS } from "./native-helpers.js";

/**
 * Hessian-vector products against central finite differences of the exact gradient (backward), for every
 * activation × loss × bias, diagonal layers and vector outputs, on every backend. Golden comparisons
 * against PyTorch's double backward are in test/golden/hvp-golden.test.ts.
 */

/** The gradient of `objective` at `params` by the engine's own backward pass. */
function gradientAt(
  mlp: Mlp,
  params: Float64Array,
  X: Float64Array,
  n: number,
  obj: OutputObjective,
  b: Backend,
) {
  const ws = createWorkspace(mlp, n, b);
  const p = b.alloc(mlp.size);
  p.set(params);
  forward(mlp, p, X, n, ws, b);
  obj.gradient(ws.logits, n, ws.dLogits);
  const g = b.alloc(mlp.size);
  backward(mlp, p, X, n, ws, b, g);
  return Float64Array.from(g);
}

/** (g(θ + εv) − g(θ − εv)) / 2ε. */
function finiteDifferenceHv(
  mlp: Mlp,
  X: Float64Array,
  n: number,
  obj: OutputObjective,
  v: Float64Array,
  b: Backend,
  eps = 1e-5,
): Float64Array {
  const plus = Float64Array.from(mlp.params, (p, i) => p + eps * v[i]);
  const minus = Float64Array.from(mlp.params, (p, i) => p - eps * v[i]);
  const gp = gradientAt(mlp, plus, X, n, obj, b);
  const gm = gradientAt(mlp, minus, X, n, obj, b);
  return gp.map((g, i) => (g - gm[i]) / (2 * eps));
}

function randomVector(size: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: size }, () => rng.normal());
}

/** max_i |a_i − b_i| / max(‖b‖_∞, 1e-12): relative to the vector's scale. */
function relativeDeviation(a: Float64Array, b: Float64Array): number {
  let scale = 1e-12;
  let worst = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst / scale;
}

function hvpOf(mlp: Mlp, X: Float64Array, n: number, obj: OutputObjective, v: Float64Array, b: Backend) {
  const H = hessianOperator(mlp, X, n, obj, b);
  H.setPoint(mlp.params);
  const out = new Float64Array(mlp.size);
  H.apply(v, out);
  return { out, gradient: Float64Array.from(H.gradient) };
}

const losses: LossSpec[] = LOSSES.map((kind) => ({ kind, reduction: "sum", margin: 1.5 }));

describe.each(TESTED_BACKENDS)("Hessian-vector products on the %s backend", (name) => {
  const backend = createBackend(name);

  describe.each(ACTIVATIONS)("%s", (activation: ActivationKind) => {
    for (const loss of losses) {
      for (const bias of [false, true]) {
        it(`${loss.kind} loss, bias ${bias}: matches finite differences of the gradient to 1e-6`, () => {
          const s = randomSetup({ d: 3, hidden: [5, 4], n: 9, activation, bias, seed: 7 }, backend);
          const obj = lossObjective(loss, s.y);
          const v = randomVector(s.mlp.size, 3);
          const { out, gradient } = hvpOf(s.mlp, s.X, 9, obj, v, backend);
          const fd = finiteDifferenceHv(s.mlp, s.X, 9, obj, v, backend);
          expect(relativeDeviation(out, fd)).toBeLessThan(1e-6);
          // The gradient of the same sweep is the engine's backward gradient.
          const g = gradientAt(s.mlp, s.mlp.params, s.X, 9, obj, backend);
          expect(relativeDeviation(gradient, g)).toBeLessThan(1e-14);
        });
      }
    }
  });

  it("hinge with a linear model has H = 0 exactly (its second derivative is 0 a.e.)", () => {
    const s = randomSetup({ d: 4, hidden: [], n: 6, activation: "linear", bias: true }, backend);
    const { out } = hvpOf(s.mlp, s.X, 6, lossObjective(losses[1], s.y), randomVector(s.mlp.size, 2), backend);
    expect(Array.from(out).every((x) => x === 0)).toBe(true);
  });

  it("mean reduction and spectral decoupling scale and shift the curvature as the trainer's objective", () => {
    const s = randomSetup({ d: 3, hidden: [4], n: 8, activation: "tanh", bias: false }, backend);
    const spec: LossSpec = { kind: "ce", reduction: "mean", margin: 1 };
    const obj = lossObjective(spec, s.y, { spectralDecoupling: 0.3 });
    const v = randomVector(s.mlp.size, 5);
    const fd = finiteDifferenceHv(s.mlp, s.X, 8, obj, v, backend);
    expect(relativeDeviation(hvpOf(s.mlp, s.X, 8, obj, v, backend).out, fd)).toBeLessThan(1e-6);
  });

  it("diagonal layers: frozen coordinates get exact zeros, free ones match finite differences", () => {
    const mlp = createMlp(
      { inputDim: 4, hidden: [4], activation: "relu", bias: false, leakySlope: 0.1, diagonalLayers: [0] },
      backend,
    );
    const rng = new Rng(11);
    for (let i = 0; i < mlp.size; i++) mlp.params[i] = rng.normal();
    zeroOffDiagonal(mlp.params.subarray(0, 16), 4, 4);
    const X = backend.alloc(6 * 4);
    for (let i = 0; i < X.length; i++) X[i] = rng.normal();
    const y = Float64Array.from({ length: 6 }, (_, i) => (i % 2 ? 1 : -1));
    const obj = lossObjective(losses[0], y);
    const v = randomVector(mlp.size, 9);
    const { out } = hvpOf(mlp, X, 6, obj, v, backend);
    const masked = Float64Array.from(v);
    zeroOffDiagonal(masked.subarray(0, 16), 4, 4);
    const fd = finiteDifferenceHv(mlp, X, 6, obj, masked, backend);
    zeroOffDiagonal(fd.subarray(0, 16), 4, 4);
    for (let o = 0; o < 4; o++) for (let i = 0; i < 4; i++) if (o !== i) expect(out[o * 4 + i]).toBe(0);
    expect(relativeDeviation(out, fd)).toBeLessThan(1e-6);
  });

  it("vector outputs with a squared objective match finite differences", () => {
    const mlp = createMlp(
      { inputDim: 2, hidden: [5], activation: "tanh", bias: true, leakySlope: 0.1, outputDim: 3 },
      backend,
    );
    const rng = new Rng(4);
    for (let i = 0; i < mlp.size; i++) mlp.params[i] = rng.normal();
    const X = backend.alloc(7 * 2);
    for (let i = 0; i < X.length; i++) X[i] = rng.normal();
    const T = Float64Array.from({ length: 21 }, () => rng.normal());
    const obj = squaredObjective(T, 3);
    const v = randomVector(mlp.size, 8);
    const fd = finiteDifferenceHv(mlp, X, 7, obj, v, backend);
    expect(relativeDeviation(hvpOf(mlp, X, 7, obj, v, backend).out, fd)).toBeLessThan(1e-6);
  });

  it("is symmetric: u·Hv = v·Hu to rounding", () => {
    const s = randomSetup({ d: 3, hidden: [6, 5], n: 10, activation: "tanh", bias: true }, backend);
    const H = hessianOperator(s.mlp, s.X, 10, lossObjective(losses[0], s.y), backend);
    H.setPoint(s.mlp.params);
    const u = randomVector(s.mlp.size, 1);
    const v = randomVector(s.mlp.size, 2);
    const Hu = new Float64Array(s.mlp.size);
    const Hv = new Float64Array(s.mlp.size);
    H.apply(u, Hu);
    H.apply(v, Hv);
    const a = u.reduce((acc, x, i) => acc + x * Hv[i], 0);
    const b = v.reduce((acc, x, i) => acc + x * Hu[i], 0);
    expect(Math.abs(a - b)).toBeLessThan(1e-12 * Math.max(Math.abs(a), 1));
  });

  it("gives the bits of the js reference (native: within NATIVE_VS_EXACT)", () => {
    const s = randomSetup({ d: 5, hidden: [7, 6], n: 11, activation: "leaky-relu", bias: true }, backend);
    const ref = randomSetup({ d: 5, hidden: [7, 6], n: 11, activation: "leaky-relu", bias: true }, jsBackend);
    const v = randomVector(s.mlp.size, 6);
    const a = hvpOf(s.mlp, s.X, 11, lossObjective(losses[0], s.y), v, backend).out;
    const b = hvpOf(ref.mlp, ref.X, 11, lossObjective(losses[0], ref.y), v, jsBackend).out;
    if (name === "native") expect(relativeDeviation(a, b)).toBeLessThan(NATIVE_VS_EXACT);
    else expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe("hessianOperator input checks", () => {
  it("refuses an objective for the wrong number of outputs and apply before setPoint", () => {
    const s = randomSetup({ d: 2, hidden: [3], n: 4, activation: "relu", bias: false });
    expect(() => hessianOperator(s.mlp, s.X, 4, squaredObjective(new Float64Array(8), 2), jsBackend)).toThrow(
      /objective is for 2 outputs, the model has 1/,
    );
    const H = hessianOperator(s.mlp, s.X, 4, lossObjective(losses[0], s.y), jsBackend);
    expect(() => H.apply(new Float64Array(s.mlp.size), new Float64Array(s.mlp.size))).toThrow(/setPoint/);
  });
});
