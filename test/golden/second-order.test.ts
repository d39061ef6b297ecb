import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ActivationKind } from "../../src/engine/activation.js";
import { createBackend } from "../../src/engine/backends.js";
import { hutchinsonTrace } from "../../src/engine/hutchinson.js";
import { hessianOperator } from "../../src/engine/hvp.js";
import { lanczosTop } from "../../src/engine/lanczos.js";
import type { LossSpec } from "../../src/engine/loss.js";
import { createMlp } from "../../src/engine/mlp.js";
import { ntkGram } from "../../src/engine/ntk.js";
import { lossObjective, type OutputObjective, squaredObjective } from "../../src/engine/output-curvature.js";
import { symmetricEigen } from "../../src/engine/symmetric-eigen.js";
import { TESTED_BACKENDS } from "../engine/native-helpers.js";

/**
 * Second-order quantities against PyTorch float64 (fixtures from make_second_order_fixtures.py): H v by
 * double backward, the full Hessian's eigenvalues (eigvalsh), its trace and the empirical NTK J Jᵀ, for
 * every activation and loss, bias, a diagonal layer, vector outputs and spectral decoupling.
 * Tolerance 1e-10 relative to each quantity's scale (its largest entry or eigenvalue in magnitude).
 * Observed (Node 20, torch 1.13.1): at most 2.7e-15 over all cases and backends (rounding order only).
 */
const TOLERANCE = 1e-10;

interface Case {
  name: string;
  spec: {
    inputDim: number;
    hidden: number[];
    activation: ActivationKind;
    bias: boolean;
    leakySlope: number;
    diagonalLayers: number[];
    outputDim?: number;
  };
  loss: LossSpec | null;
  spectralDecoupling: number;
  X: number[][];
  y?: number[];
  T?: number[][];
  params: number[];
  v: number[][];
  Hv: number[][];
  gradient: number[];
  hessianEigenvalues: number[];
  trace: number;
  ntk: number[];
  ntkEigenvalues: number[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const cases = JSON.parse(readFileSync(join(HERE, "second-order", "fixtures.json"), "utf8")) as Case[];

/** max |a − b| / max |b| (b the reference). */
function deviation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
  }
  return scale === 0 ? worst : worst / scale;
}

describe.each(TESTED_BACKENDS)("second order against PyTorch float64 on %s", (name) => {
  const backend = createBackend(name);
  it("has fixtures for every activation and loss", () => {
    expect(new Set(cases.map((c) => c.spec.activation)).size).toBe(4);
    expect(new Set(cases.filter((c) => c.loss).map((c) => c.loss?.kind)).size).toBe(3);
  });

  describe.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const mlp = createMlp(c.spec, backend);
    mlp.params.set(c.params);
    const n = c.X.length;
    const X = Float64Array.from(c.X.flat());
    const objective: OutputObjective = c.loss
      ? lossObjective(c.loss, Float64Array.from(c.y ?? []), { spectralDecoupling: c.spectralDecoupling })
      : squaredObjective(Float64Array.from((c.T ?? []).flat()), c.spec.outputDim ?? 1);
    const H = hessianOperator(mlp, X, n, objective, backend);
    H.setPoint(mlp.params);
    const apply = (v: Float64Array, out: Float64Array) => H.apply(v, out);

    it("H v and the gradient match double backward", () => {
      c.v.forEach((v, k) => {
        const out = new Float64Array(mlp.size);
        H.apply(Float64Array.from(v), out);
        expect(deviation(out, c.Hv[k])).toBeLessThan(TOLERANCE);
      });
      expect(deviation(H.gradient, c.gradient)).toBeLessThan(TOLERANCE);
    });

    it("the dense Hessian built from products has torch's eigenvalues and trace", () => {
      const p = mlp.size;
      const dense = new Float64Array(p * p);
      const e = new Float64Array(p);
      const col = new Float64Array(p);
      for (let j = 0; j < p; j++) {
        e.fill(0);
        e[j] = 1;
        H.apply(e, col);
        for (let i = 0; i < p; i++) dense[i * p + j] = col[i];
      }
      const values = symmetricEigen(dense, p).values.reverse();
      expect(deviation(values, c.hessianEigenvalues)).toBeLessThan(TOLERANCE);
      let trace = 0;
      for (let i = 0; i < p; i++) trace += dense[i * p + i];
      const scale = Math.max(...c.hessianEigenvalues.map(Math.abs));
      expect(Math.abs(trace - c.trace)).toBeLessThan(TOLERANCE * scale);
    });

    it("Lanczos finds torch's top 3 eigenvalues", () => {
      const top = lanczosTop(apply, mlp.size, { k: 3, basis: 12, tolerance: 1e-12 });
      const want = c.hessianEigenvalues.slice(-3).reverse();
      const scale = Math.abs(c.hessianEigenvalues[c.hessianEigenvalues.length - 1]);
      expect(top.converged).toBe(true);
      for (let j = 0; j < 3; j++) expect(Math.abs(top.values[j] - want[j])).toBeLessThan(TOLERANCE * scale);
    });

    it("Hutchinson with many samples is within 4 standard errors of torch's trace", () => {
      const est = hutchinsonTrace(apply, mlp.size, { samples: 400, seed: 1 });
      expect(Math.abs(est.trace - c.trace)).toBeLessThanOrEqual(4 * est.standardError + 1e-12);
    });

    it("the NTK Gram matrix and its eigenvalues match J Jᵀ", () => {
      const { gram, size } = ntkGram(mlp, mlp.params, X, n, backend, { blockRows: 4 });
      expect(deviation(gram, c.ntk)).toBeLessThan(TOLERANCE);
      expect(deviation(symmetricEigen(gram, size).values.reverse(), c.ntkEigenvalues)).toBeLessThan(
        TOLERANCE,
      );
    });
  });
});
