import { describe, expect, it } from "vitest";
import type { Backend } from "../../src/engine/backend.js";
import { createBackend } from "../../src/engine/backends.js";
import { createMlp, type Mlp, type MlpSpec, zeroOffDiagonal } from "../../src/engine/mlp.js";
import { ntkGram, ntkOperator } from "../../src/engine/ntk.js";
import { backward, forward } from "../../src/engine/propagate.js";
import { Rng } from "../../src/engine/rng.js";
import { createWorkspace } from "../../src/engine/workspace.js";
import { TESTED_BACKENDS } from "./native-helpers.js";

/** Brute force: J row by row (one backward pass per point and output on a one-point batch), K = J Jᵀ. */
function bruteForceNtk(mlp: Mlp, X: Float64Array, n: number, backend: Backend): Float64Array {
  const o = mlp.spec.outputDim ?? 1;
  const d = mlp.spec.inputDim;
  const ws = createWorkspace(mlp, 1, backend);
  const x = backend.alloc(d);
  const g = backend.alloc(mlp.size);
  const J: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    x.set(X.subarray(i * d, (i + 1) * d));
    for (let c = 0; c < o; c++) {
      forward(mlp, mlp.params, x, 1, ws, backend);
      ws.dLogits.fill(0);
      ws.dLogits[c] = 1;
      backward(mlp, mlp.params, x, 1, ws, backend, g);
      J.push(Float64Array.from(g));
    }
  }
  const size = n * o;
  const K = new Float64Array(size * size);
  for (let a = 0; a < size; a++)
    for (let b = 0; b < size; b++) K[a * size + b] = J[a].reduce((s, v, k) => s + v * J[b][k], 0);
  return K;
}

function setup(spec: Partial<MlpSpec>, n: number, backend: Backend, seed = 1) {
  const full: MlpSpec = {
    inputDim: 3,
    hidden: [4],
    activation: "relu",
    bias: false,
    leakySlope: 0.1,
    ...spec,
  };
  const mlp = createMlp(full, backend);
  const rng = new Rng(seed);
  for (let i = 0; i < mlp.size; i++) mlp.params[i] = rng.normal();
  mlp.layers.forEach((L, l) => {
    if (mlp.diagonal[l])
      zeroOffDiagonal(
        mlp.params.subarray(L.weightOffset, L.weightOffset + L.inputs * L.outputs),
        L.outputs,
        L.inputs,
      );
  });
  const X = Float64Array.from({ length: n * full.inputDim }, () => rng.normal());
  return { mlp, X };
}

function maxRelative(a: Float64Array, b: Float64Array): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < b.length; i++) {
    s = Math.max(s, Math.abs(b[i]));
    w = Math.max(w, Math.abs(a[i] - b[i]));
  }
  return w / s;
}

const specs: [string, Partial<MlpSpec>][] = [
  ["relu with bias", { bias: true }],
  ["tanh, two hidden layers", { activation: "tanh", hidden: [5, 3] }],
  [
    "leaky-relu, diagonal first layer with bias",
    { activation: "leaky-relu", inputDim: 4, hidden: [4], diagonalLayers: [0], bias: true },
  ],
  [
    "diagonal linear net u ⊙ v (both layers free per coordinate)",
    { activation: "linear", inputDim: 5, hidden: [5], diagonalLayers: [0] },
  ],
  ["vector outputs (3)", { activation: "tanh", outputDim: 3, bias: true }],
  ["linear model", { hidden: [], bias: true }],
];

describe.each(TESTED_BACKENDS)("ntkGram on %s", (name) => {
  const backend = createBackend(name);
  it.each(specs)("%s: equals J Jᵀ from per-point gradients, for any block size", (_, spec) => {
    const n = 7;
    const { mlp, X } = setup(spec, n, backend);
    const want = bruteForceNtk(mlp, X, n, backend);
    for (const blockRows of [1, 3, 256]) {
      const { gram } = ntkGram(mlp, mlp.params, X, n, backend, { blockRows });
      expect(maxRelative(gram, want)).toBeLessThan(1e-13);
    }
  });

  it("an operator reuses its buffers and follows the parameters", () => {
    const { mlp, X } = setup({ activation: "tanh" }, 5, backend);
    const op = ntkOperator(mlp, X, 5, backend);
    const first = Float64Array.from(op.compute(mlp.params).gram);
    const p2 = Float64Array.from(mlp.params, (p) => 1.5 * p);
    const second = op.compute(p2);
    expect(second.gram).toBe(op.compute(p2).gram);
    expect(maxRelative(first, second.gram)).toBeGreaterThan(0.01);
    expect(Array.from(op.compute(mlp.params).gram)).toEqual(Array.from(first));
  });
});
