import { describe, expect, it } from "vitest";
import { jsBackend } from "../../../src/engine/backend-js.js";
import { initialize } from "../../../src/engine/init.js";
import { createMlp } from "../../../src/engine/mlp.js";
import { forward } from "../../../src/engine/propagate.js";
import { Rng } from "../../../src/engine/rng.js";
import { createWorkspace } from "../../../src/engine/workspace.js";
import { ntkGram, ntkResponses, symmetricEigen } from "../../../src/experiments/starvation-moons/ntk.js";

describe("symmetric eigen-decomposition (Jacobi)", () => {
  it("reconstructs a random symmetric matrix: A = Σ λ_k u_k u_kᵀ, orthonormal u, descending λ", () => {
    const n = 12;
    const rng = new Rng(5);
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        const v = rng.normal();
        A[i * n + j] = v;
        A[j * n + i] = v;
      }
    const { values, vectors } = symmetricEigen(A, n);
    for (let k = 1; k < n; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += values[k] * vectors[k][i] * vectors[k][j];
        expect(s).toBeCloseTo(A[i * n + j], 10);
        let dot = 0;
        for (let k = 0; k < n; k++) dot += vectors[i][k] * vectors[j][k];
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });
});

describe("NTK Gram from per-example gradients", () => {
  it("K_ij = ∇f(x_i)·∇f(x_j), checked against central finite differences", () => {
    const mlp = createMlp(
      { inputDim: 2, hidden: [7], activation: "relu", bias: true, leakySlope: 0 },
      jsBackend,
    );
    const layer = { scheme: "gaussian" as const, scale: 0.8, gain: 1, diagonal: "half-normal" as const };
    initialize(mlp, { kind: "layers", layers: [layer], balanced: false }, new Rng(2));
    const x = Float64Array.from([0.3, -0.5, 1.1, 0.4, -0.7, 0.9]);
    const K = ntkGram(mlp, x, 3);
    const ws = createWorkspace(mlp, 3, jsBackend);
    const f = () => Float64Array.from(forward(mlp, mlp.params, x, 3, ws, jsBackend).subarray(0, 3));
    const J: number[][] = [[], [], []];
    const h = 1e-6;
    for (let p = 0; p < mlp.size; p++) {
      const keep = mlp.params[p];
      mlp.params[p] = keep + h;
      const up = f();
      mlp.params[p] = keep - h;
      const down = f();
      mlp.params[p] = keep;
      for (let i = 0; i < 3; i++) J[i].push((up[i] - down[i]) / (2 * h));
    }
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        const dot = J[i].reduce((s, v, p) => s + v * J[j][p], 0);
        expect(K[i * 3 + j]).toBeCloseTo(dot, 6);
      }
    const { vectors } = symmetricEigen(K, 3);
    expect(ntkResponses(vectors, [1, 0, 0]).reduce((s, z) => s + z * z, 0)).toBeCloseTo(1, 12);
  });
});
