/**
 * C7's limits on the engine's MLP: does starvation persist in a network with a trainable dense first layer?
 * The response along each feature, u_j = (f(d_j) − f(−d_j))/2, from the feature-responses probe.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { featureStrength } from "../../kit/measure/feature-response.js";
import { runConfig } from "../../kit/measure/run.js";

/** Options of {@link measureEngineStarvation}. */
export interface EngineStarvationOptions {
  /** Fraction of points carrying B. */
  p: number;
  /**
   * "pair-diagonal": 4 ReLU units, W₁ = [√ε e_A; √ε e_B; −√ε e_A; −√ε e_B], w₂ = [√ε, √ε, −√ε, −√ε] (the
   * diagonal start, but every weight trainable); "gaussian": `width` units, N(0, scale²), balanced.
   */
  init: "pair-diagonal" | "gaussian";
  /** ε (pair-diagonal: u(0) = ε) or the Gaussian std (gaussian). */
  scale: number;
  /** Hidden width for "gaussian". Default 64. */
  width?: number;
  /** Training points. Default 100. */
  n?: number;
  /** Learning rate. Default 0.5. */
  lr?: number;
  /** Steps. Default 4000. */
  steps?: number;
  seed?: number;
}

/** Final feature strengths and the config run. */
export interface EngineStarvationResult {
  uA: number;
  uB: number;
  config: RunConfigInput;
}

/** Trains the engine's MLP on the two-feature data and returns the final u_A, u_B. */
export function measureEngineStarvation(o: EngineStarvationOptions): EngineStarvationResult {
  const s = Math.sqrt(o.scale);
  const init: RunConfigInput["init"] =
    o.init === "pair-diagonal"
      ? {
          scheme: "explicit",
          weights: [
            {
              W: [
                [s, 0],
                [0, s],
                [-s, 0],
                [0, -s],
              ],
            },
            { W: [[s, s, -s, -s]] },
          ],
        }
      : { scheme: "gaussian", scale: o.scale, balanced: true };
  const config: RunConfigInput = {
    name: `c7 limit: engine ReLU net, ${o.init} init ${o.scale}`,
    seed: o.seed ?? 0,
    data: {
      kind: "features",
      n: o.n ?? 100,
      features: [
        { name: "A", norm: 1, frequency: 1 },
        { name: "B", norm: 1, frequency: o.p },
      ],
    },
    model: { hidden: [o.init === "pair-diagonal" ? 4 : (o.width ?? 64)], activation: "relu", bias: false },
    init,
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "gd", lr: o.lr ?? 0.5 },
    train: { steps: o.steps ?? 4000 },
    probes: { schedule: { kind: "log", perDecade: 5 }, include: ["feature-responses"] },
  };
  const run = runConfig(config);
  const last = run.history[run.history.length - 1];
  return { uA: featureStrength(last, 0), uB: featureStrength(last, 1), config };
}
