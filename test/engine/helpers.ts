import type { ActivationKind } from "../../src/engine/activation.js";
import type { Backend } from "../../src/engine/backend.js";
import { jsBackend } from "../../src/engine/backend-js.js";
import { createMlp, type Mlp } from "../../src/engine/mlp.js";
import { Rng } from "../../src/engine/rng.js";

/** A small random MLP and data for engine tests, allocated through `backend` (default the JS reference). */
export function randomSetup(
  opts: {
    d: number;
    hidden: number[];
    n: number;
    activation: ActivationKind;
    bias: boolean;
    seed?: number;
    scale?: number;
  },
  backend: Backend = jsBackend,
): { mlp: Mlp; X: Float64Array; y: Float64Array } {
  const rng = new Rng(opts.seed ?? 1);
  const mlp = createMlp(
    { inputDim: opts.d, hidden: opts.hidden, activation: opts.activation, bias: opts.bias, leakySlope: 0.1 },
    backend,
  );
  for (let i = 0; i < mlp.size; i++) mlp.params[i] = (opts.scale ?? 0.7) * rng.normal();
  const X = backend.alloc(opts.n * opts.d);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  const y = new Float64Array(opts.n);
  for (let i = 0; i < opts.n; i++) y[i] = rng.uniform() < 0.5 ? -1 : 1;
  return { mlp, X, y };
}
