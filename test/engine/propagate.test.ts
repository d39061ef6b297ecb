import { beforeEach, describe, expect, it } from "vitest";
import { ACTIVATIONS } from "../../src/engine/activation.js";
import type { Backend } from "../../src/engine/backend.js";
import { createBackend } from "../../src/engine/backends.js";
import { LOSSES, type LossSpec, lossAndGradient } from "../../src/engine/loss.js";
import { backward, forward } from "../../src/engine/propagate.js";
import { createWorkspace } from "../../src/engine/workspace.js";
import { randomSetup } from "./helpers.js";
import { TESTED_BACKENDS } from "./native-helpers.js";

/**
 * Every test below runs once per backend (BACKENDS; native only where its addon is built, see
 * native-helpers.ts), each test on a fresh backend, with every buffer allocated through it so that its
 * own kernels (not a fallback) do the work. The finite-difference tolerance (relative 1e-7) holds for
 * native too: its fused multiply-adds change products by about 1e-16 relative.
 */
let backend: Backend;

/** A copy of `a` in the backend's memory. */
function own(a: Float64Array): Float64Array {
  const c = backend.alloc(a.length);
  c.set(a);
  return c;
}

/** Loss at given params. */
function lossAt(
  setup: ReturnType<typeof randomSetup>,
  params: Float64Array,
  spec: LossSpec,
  X = setup.X,
): number {
  const n = setup.y.length;
  const ws = createWorkspace(setup.mlp, n, backend);
  const logits = forward(setup.mlp, params, X, n, ws, backend);
  return lossAndGradient(spec, logits, setup.y, n);
}

function analyticGradients(setup: ReturnType<typeof randomSetup>, spec: LossSpec) {
  const n = setup.y.length;
  const ws = createWorkspace(setup.mlp, n, backend);
  forward(setup.mlp, setup.mlp.params, setup.X, n, ws, backend);
  lossAndGradient(spec, ws.logits, setup.y, n, ws.dLogits);
  const grad = backend.alloc(setup.mlp.size);
  const inputGrad = backend.alloc(setup.X.length);
  backward(setup.mlp, setup.mlp.params, setup.X, n, ws, backend, grad, inputGrad);
  return { grad, inputGrad };
}

/** Relative error |a-b| / max(|a|,|b|, floor): components below 1e-5 are compared absolutely (to 1e-12). */
function relErr(a: number, b: number, floor = 1e-5): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

const architectures = [
  { d: 3, hidden: [], n: 5 },
  { d: 4, hidden: [5], n: 7 },
  { d: 3, hidden: [6, 4], n: 9 },
  { d: 2, hidden: [3, 5, 4], n: 6 },
];

/** Fourth-order central difference: error O(h⁴), so h = 1e-3 leaves ~1e-12 truncation and ~1e-13 roundoff. */
function derivative(f: (v: number) => number, x: number, h: number): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

describe.each(TESTED_BACKENDS)("backend %s", (name) => {
  beforeEach(() => {
    backend = createBackend(name);
  });

  describe("backward agrees with central finite differences (relative 1e-7)", () => {
    for (const activation of ACTIVATIONS) {
      for (const kind of LOSSES) {
        for (const bias of [false, true]) {
          for (const arch of architectures) {
            it(`${activation} / ${kind} / bias=${bias} / hidden=[${arch.hidden}]`, () => {
              const setup = randomSetup(
                { ...arch, activation, bias, seed: arch.d * 7 + arch.hidden.length },
                backend,
              );
              const spec: LossSpec = { kind, reduction: "mean", margin: 1 };
              const { grad, inputGrad } = analyticGradients(setup, spec);
              const h = 1e-3;
              let worst = 0;
              let checked = 0;
              const p = own(setup.mlp.params);
              for (let i = 0; i < p.length; i++) {
                // Skip coordinates where a ReLU/hinge kink lies within ±2h: no derivative to compare there.
                if (kinkNear(setup, p, spec, i, 2 * h)) continue;
                const orig = p[i];
                const fd = derivative(
                  (v) => {
                    p[i] = v;
                    const l = lossAt(setup, p, spec);
                    p[i] = orig;
                    return l;
                  },
                  orig,
                  h,
                );
                worst = Math.max(worst, relErr(grad[i], fd));
                checked++;
              }
              expect(worst).toBeLessThan(1e-7);
              expect(checked).toBeGreaterThan(p.length / 2);
              const X = own(setup.X);
              let worstInput = 0;
              for (let i = 0; i < X.length; i++) {
                const orig = X[i];
                const fd = derivative(
                  (v) => {
                    X[i] = v;
                    const l = lossAt(setup, setup.mlp.params, spec, X);
                    X[i] = orig;
                    return l;
                  },
                  orig,
                  h,
                );
                if (!kinkNearInput(setup, X, spec, i, 2 * h))
                  worstInput = Math.max(worstInput, relErr(inputGrad[i], fd));
              }
              expect(worstInput).toBeLessThan(1e-7);
            });
          }
        }
      }
    }
  });

  function kinkNearInput(
    setup: ReturnType<typeof randomSetup>,
    X: Float64Array,
    spec: LossSpec,
    i: number,
    h: number,
  ): boolean {
    const orig = X[i];
    const sig = (v: number) => {
      X[i] = v;
      const s = signatureOf(setup, setup.mlp.params, X, spec);
      X[i] = orig;
      return s;
    };
    return sig(orig + h) !== sig(orig - h) || sig(orig + h) !== sig(orig);
  }

  function signatureOf(
    setup: ReturnType<typeof randomSetup>,
    params: Float64Array,
    X: Float64Array,
    spec: LossSpec,
  ): string {
    const n = setup.y.length;
    const ws = createWorkspace(setup.mlp, n, backend);
    forward(setup.mlp, params, X, n, ws, backend);
    const gates = ws.z.map((z) => Array.from(z, (v) => (v > 0 ? 1 : 0)).join("")).join("|");
    const hinge = Array.from(ws.logits.subarray(0, n), (f, k) => (setup.y[k] * f < spec.margin ? 1 : 0)).join(
      "",
    );
    return gates + hinge;
  }

  /** True when perturbing parameter i by ±h flips some ReLU gate or hinge indicator (non-smooth point). */
  function kinkNear(
    setup: ReturnType<typeof randomSetup>,
    p: Float64Array,
    spec: LossSpec,
    i: number,
    h: number,
  ): boolean {
    const orig = p[i];
    const sig = (v: number) => {
      p[i] = v;
      const s = signatureOf(setup, p, setup.X, spec);
      p[i] = orig;
      return s;
    };
    return sig(orig + h) !== sig(orig - h) || sig(orig + h) !== sig(orig);
  }

  describe("forward", () => {
    it("computes v·relu(Wx) for a hand-written 2-layer net", () => {
      const setup = randomSetup({ d: 2, hidden: [2], n: 1, activation: "relu", bias: false }, backend);
      setup.mlp.params.set([1, 0, 0, 1, 2, -3]); // W = I, v = (2, -3)
      const X = own(Float64Array.from([0.5, -4]));
      const ws = createWorkspace(setup.mlp, 1, backend);
      expect(forward(setup.mlp, setup.mlp.params, X, 1, ws, backend)[0]).toBe(1); // relu(0.5)·2 + relu(-4)·(-3)
    });

    it("rejects a batch larger than the workspace", () => {
      const setup = randomSetup({ d: 2, hidden: [2], n: 4, activation: "relu", bias: false }, backend);
      const ws = createWorkspace(setup.mlp, 2, backend);
      expect(() => forward(setup.mlp, setup.mlp.params, setup.X, 4, ws, backend)).toThrow(/capacity 2/);
    });
  });

  describe("diagonal-constrained layers", () => {
    it("zero the off-diagonal gradient, so training keeps W diagonal", () => {
      const setup = randomSetup({ d: 3, hidden: [3], n: 6, activation: "linear", bias: false }, backend);
      const mlp = { ...setup.mlp, diagonal: [true, false], spec: { ...setup.mlp.spec, diagonalLayers: [0] } };
      const n = setup.y.length;
      const ws = createWorkspace(mlp, n, backend);
      forward(mlp, mlp.params, setup.X, n, ws, backend);
      lossAndGradient({ kind: "ce", reduction: "sum", margin: 1 }, ws.logits, setup.y, n, ws.dLogits);
      const grad = backend.alloc(mlp.size);
      backward(mlp, mlp.params, setup.X, n, ws, backend, grad);
      for (let o = 0; o < 3; o++) {
        for (let i = 0; i < 3; i++) {
          if (i !== o) expect(grad[o * 3 + i]).toBe(0);
          else expect(grad[o * 3 + i]).not.toBe(0);
        }
      }
    });
  });
});
