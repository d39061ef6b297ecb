/**
 * One seed of the two-moons study (Pezeshki et al. 2021, Fig. 1–2; `Figure_1/moon_fig_1.py`): the moons
 * with margin Δ, a 2-layer ReLU net with biases initialized like PyTorch's nn.Linear
 * (W, b ~ U(±1/√fan_in)), mean logistic loss, full-batch SGD with momentum, optionally spectral decoupling
 * (their `sd_coef·mean(f²)`, i.e. our λ/2·mean(f²) with λ = 2·sd_coef). Trained by the engine's trainer
 * from a JSON config; the responses along the initial NTK's eigenvectors are recorded by a probe.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import { makeData } from "../../data/registry.js";
import { Rng } from "../../engine/rng.js";
import { decisionGrid } from "../../kit/measure/decision-grid.js";
import { torchLinearInit } from "../../kit/measure/torch-init.js";
import type { Probe } from "../../probes/probe.js";
import { createTrainer } from "../../train/trainer.js";
import { ntkGram, ntkResponses, symmetricEigen } from "./ntk.js";

/** Options of {@link moonsConfig} and {@link runMoons}. */
export interface MoonsRunOptions {
  /** Seed of data and init. */
  seed: number;
  /** Training points (300). */
  n: number;
  /** Hidden units (500). */
  width: number;
  /** Full-batch epochs (1000). */
  epochs: number;
  /** Their sd_coef: the penalty is sdCoef·mean(f²) (0 = plain ERM; 0.003 in the paper). */
  sdCoef: number;
  /** Margin Δ (0.1). */
  margin: number;
  /** Learning rate (1e-2) and momentum (0.9). */
  lr: number;
  momentum: number;
  /** Record every this many steps (default 10). */
  every?: number;
}

/** The run config of one seed (explicit weights: the engine's drawn inits start biases at 0). */
export function moonsConfig(o: MoonsRunOptions): RunConfigInput {
  return {
    name: `moons Δ=${o.margin} ${o.sdCoef > 0 ? `SD ${o.sdCoef}` : "ERM"} seed ${o.seed}`,
    seed: o.seed,
    data: { kind: "moons", n: o.n, noise: 0.1, margin: o.margin, nTest: 2 },
    model: { hidden: [o.width], activation: "relu", bias: true },
    init: {
      scheme: "explicit",
      weights: torchLinearInit([2, o.width, 1], new Rng(o.seed).fork("torch-init")),
    },
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "gd", lr: o.lr, momentum: o.momentum },
    regularization: { spectralDecoupling: 2 * o.sdCoef },
    train: { steps: o.epochs },
    probes: { schedule: { kind: "every", every: o.every ?? 10 } },
  };
}

/** What one seed gives. */
export interface MoonsRun {
  /** Training points (n × 2) and labels. */
  x: Float64Array;
  y: Float64Array;
  /** Decision function on the grid (values[j·nx + i] at (grid[i], grid[j])). */
  grid: Float64Array;
  /** Final training accuracy and mean loss. */
  accuracy: number;
  loss: number;
  /** Steps of the records and z_k(t) = |u_kᵀ f(t)| per record for the requested eigenvectors. */
  steps: number[];
  responses: number[][];
  /** Eigenvalues of the initial NTK Gram (descending). */
  eigenvalues: number[];
}

/** The initial NTK's eigen-decomposition for a seed (shared by the runs with and without SD). */
export interface InitialNtk {
  eigenvalues: number[];
  /** Eigenvectors, by index (0 = largest eigenvalue). */
  vectors: Float64Array[];
}

/**
 * Trains one seed and evaluates it on the grid `coords` × `coords`. `ntkIndices` are the NTK eigenvector
 * indices (0 = largest eigenvalue) whose responses are recorded; the NTK is skipped when empty. Pass
 * `ntk` from an earlier run with the same seed (same data and init) to skip recomputing it.
 */
export function runMoons(
  o: MoonsRunOptions,
  coords: readonly number[],
  ntkIndices: readonly number[],
  ntk?: InitialNtk,
): MoonsRun & { ntk: InitialNtk | undefined } {
  const config = parseRunConfig(moonsConfig(o), "starvation-moons config");
  const data = makeData(config.data as Parameters<typeof makeData>[0], new Rng(config.seed).fork("data"));
  let vectors: Float64Array[] = [];
  const steps: number[] = [];
  const responses: number[][] = [];
  const probe: Probe = {
    name: "ntk-responses",
    description: "|u_kᵀ f| along eigenvectors of the initial NTK",
    measure(ctx) {
      if (vectors.length === 0) return {};
      steps.push(ctx.step);
      responses.push(ntkResponses(vectors, ctx.logits));
      return {};
    },
  };
  const trainer = createTrainer(config, data, { probes: [probe] });
  let initial = ntk;
  if (ntkIndices.length > 0 && !initial) {
    const K = ntkGram(trainer.mlp, data.train.x, data.train.n);
    const eig = symmetricEigen(K, data.train.n, 1e-10);
    initial = { eigenvalues: eig.values, vectors: eig.vectors };
  }
  if (initial) vectors = ntkIndices.map((k) => initial.vectors[k]);
  trainer.run();
  const last = trainer.history[trainer.history.length - 1];
  const grid = decisionGrid(trainer.mlp, coords);
  return {
    x: data.train.x,
    y: data.train.y,
    grid,
    accuracy: 1 - last.error,
    loss: last.loss,
    steps,
    responses,
    eigenvalues: initial?.eigenvalues ?? [],
    ntk: initial,
  };
}
