/**
 * Their Fig. 2 (`Figure_2/moon_fig_2.py`): the 2-layer net under SGD with weight decay 2e-4 for 10,000
 * epochs, without and with SD, and the logits' coordinates z_k = |u_kᵀ f| along the eigenvectors u_k of the
 * NTK Gram matrix at initialization (the engine's ntkGram; the paper reads them as the net's features).
 * Without SD the dominant coordinate grows and starves the others; with SD the starved one (u_6) grows.
 */
import { parseRunConfig } from "../../config/validate.js";
import { makeData } from "../../data/registry.js";
import { jsBackend } from "../../engine/backend-js.js";
import { ntkGram } from "../../engine/ntk.js";
import { Rng } from "../../engine/rng.js";
import { symmetricEigen } from "../../engine/symmetric-eigen.js";
import type { Probe } from "../../probes/probe.js";
import { createTrainer } from "../../train/trainer.js";
import { type Ablation, SD_COEF } from "./ablations.js";
import { ablationConfig } from "./runs.js";
import type { AblationSettings } from "./settings.js";

/** Their Fig. 2 weight decay. */
export const FIG2_WEIGHT_DECAY = 2e-4;

/** The eigenvector indices their Fig. 2 plots (0-based: u_1 and u_6). */
export const FEATURES: readonly number[] = [1, 6];

/** The two Fig. 2 runs at Δ = +0.1 (their third, Δ = −0.1, overlaps the classes and is not run). */
export const FIG2_ARMS: readonly Ablation[] = [0, SD_COEF].map((sdCoef) => ({
  id: sdCoef > 0 ? "fig2-sd" : "fig2-none",
  label: sdCoef > 0 ? `SD ${sdCoef}` : "no SD",
  optimizer: { kind: "sgd", lr: 0.01, momentum: 0.9, weightDecay: FIG2_WEIGHT_DECAY },
  epochFactor: 1,
  rotation: 0,
  hiddenLayers: 1,
  sdCoef,
}));

/** One Fig. 2 run: the record steps and z_k per record for each of FEATURES. */
export interface FeatureRun {
  steps: number[];
  /** responses[t][f]: z_{FEATURES[f]} at record t. */
  responses: number[][];
  /** The initial NTK's eigenvalues (descending). */
  eigenvalues: number[];
}

/** Trains one Fig. 2 arm for one seed, following z_k on a log-spaced record schedule. */
export function runFeatures(arm: Ablation, s: AblationSettings, seed: number): FeatureRun {
  const base = ablationConfig(arm, { ...s, epochs: s.ntkEpochs }, seed);
  const config = parseRunConfig(
    { ...base, probes: { schedule: { kind: "log", perDecade: 20 } } },
    `starvation-ablations Fig. 2 config (${arm.id})`,
  );
  const data = makeData(config.data as Parameters<typeof makeData>[0], new Rng(config.seed).fork("data"));
  let vectors: Float64Array[] = [];
  const steps: number[] = [];
  const responses: number[][] = [];
  const probe: Probe = {
    name: "ntk-coordinates",
    description: "|u_kᵀ f| along eigenvectors of the initial NTK",
    measure({ step, logits }) {
      steps.push(step);
      responses.push(vectors.map((u) => Math.abs(u.reduce((acc, v, i) => acc + v * logits[i], 0))));
      return {};
    },
  };
  const trainer = createTrainer(config, data, { probes: [probe] });
  try {
    const { x, n } = data.train;
    const K = ntkGram(trainer.mlp, trainer.mlp.params, x, n, jsBackend).gram;
    const eig = symmetricEigen(K, n);
    // Records start inside run(), so every record (step 0 included) sees the vectors.
    vectors = FEATURES.map((k) => eig.vectors[k]);
    trainer.run();
    return { steps, responses, eigenvalues: eig.values };
  } finally {
    trainer.dispose();
  }
}
