/**
 * A GAN on the engine, trained with alternating updates: `dSteps` discriminator updates on a fresh real
 * batch and a fresh fake batch, then `gSteps` generator updates whose gradient reaches G through D
 * (gan-steps.ts). One step of the run is one generator update (preceded by the round's discriminator
 * updates when a round starts), driven by the trainer's one step loop (train/step-loop.ts): `advance(k)`,
 * `advanceFor(ms)` and `run()` mean what they mean for a Trainer, and cutting a run into calls never
 * changes its bits. Every `recordEvery` generator updates a {@link GanRecord} is taken: the mode metrics
 * on a fixed set of noise vectors, and the mechanism of THEORY.md §6 seen from the discriminator: its
 * logits on the batch it was just trained on, how many of them still get a gradient, its gradient norm,
 * and how hard it pushes the fakes. `checkpoint()` and `{ resume }` continue a run bit for bit.
 */
import type { GaussianMixture } from "../data/gaussian-mixtures.js";
import type { Backend } from "../engine/backend.js";
import { createBackend } from "../engine/backends.js";
import type { Mlp } from "../engine/mlp.js";
import { createStepLoop } from "../train/step-loop.js";
import { checkGanResumable, GAN_CHECKPOINT_FORMAT, type GanCheckpoint } from "./checkpoint.js";
import { type GanConfig, type GanConfigInput, parseGanConfig } from "./config.js";
import { createGanNets, type GanNets } from "./gan-nets.js";
import {
  discriminate,
  discriminatorStep,
  type GanMeasurements,
  generate,
  generatorStep,
  noMeasurements,
} from "./gan-steps.js";
import { modeMetrics } from "./mode-metrics.js";

/** One measurement during training: the mode metrics and the last updates' {@link GanMeasurements}. */
export interface GanRecord extends GanMeasurements {
  /** Generator updates so far. */
  iteration: number;
  /** Modes captured, share of high-quality samples and reverse KL (see mode-metrics.ts). */
  modesCaptured: number;
  highQuality: number;
  kl: number;
}

/** A GAN run's status: "diverged" once a loss or parameter turned non-finite (training stops). */
export type GanStatus = "running" | "done" | "diverged";

/** A GAN being trained. */
export interface GanRun {
  config: GanConfig;
  mixture: GaussianMixture;
  generator: Mlp;
  discriminator: Mlp;
  /** Generator updates taken. */
  readonly iteration: number;
  /** Records taken so far (one at iteration 0, then every recordEvery and at the end). */
  readonly history: GanRecord[];
  readonly status: GanStatus;
  /** Takes up to k more generator updates (recording on schedule); returns the status afterwards. */
  advance(k: number): GanStatus;
  /** Trains for about `ms` milliseconds (at least one update, at most `maxSteps`); returns the updates taken. */
  advanceFor(ms: number, maxSteps?: number): number;
  /** Runs to config.iterations (or divergence); returns the final status. */
  run(): GanStatus;
  /** Everything needed to continue this run bit for bit (copies; see checkpoint.ts). */
  checkpoint(): GanCheckpoint;
  /** G applied to the fixed evaluation noise: evalSamples × 2, row-major (a copy). */
  samples(): Float64Array;
  /** D's logits at n points (n × 2 row-major), e.g. a grid for the discriminator surface. */
  discriminate(points: ArrayLike<number>, n: number): Float64Array;
}

/** Options of {@link createGanRun}. */
export interface GanRunOptions {
  /** Kernel backend (default: the fastest exact one, a fresh wasm backend when available). */
  backend?: Backend;
  /** Continue a run from its checkpoint (taken by `checkpoint()` of a run of the same config). */
  resume?: GanCheckpoint;
}

/** Builds a GAN run from a config (validated here) without training it; records iteration 0. */
export function createGanRun(input: GanConfigInput | GanConfig, options: GanRunOptions = {}): GanRun {
  const config = parseGanConfig(input);
  const configJson = JSON.stringify(config);
  const nets = createGanNets(config, options.backend ?? createBackend());
  let iteration = 0;
  let status: GanStatus = "running";
  let last = noMeasurements();
  let history: GanRecord[] = [];
  const evalOut = new Float64Array(config.evalSamples * 2);

  function record(): void {
    generate(nets, nets.evalNoise, config.evalSamples, evalOut);
    const m = modeMetrics(nets.mixture, evalOut, config.evalSamples);
    history.push({
      iteration,
      modesCaptured: m.modesCaptured,
      highQuality: m.highQuality,
      kl: m.kl,
      ...last,
    });
  }

  function oneStep(): void {
    if (iteration % config.gSteps === 0)
      for (let s = 0; s < config.dSteps; s++) discriminatorStep(nets, last);
    generatorStep(nets, last);
    iteration++;
    if (iteration % config.recordEvery === 0 || iteration === config.iterations) {
      if (!finite(nets, last)) status = "diverged";
      else record();
    }
  }

  if (options.resume) {
    ({ iteration, status, last, history } = resumeFrom(options.resume, nets, configJson));
  } else record();
  const loop = createStepLoop({
    get step() {
      return iteration;
    },
    get status() {
      return status;
    },
    total: config.iterations,
    oneStep,
    finish: () => {
      status = "done";
    },
  });
  return {
    config,
    mixture: nets.mixture,
    generator: nets.G,
    discriminator: nets.D,
    get iteration() {
      return iteration;
    },
    get history() {
      return history;
    },
    get status() {
      return status;
    },
    advance: (k) => loop.advance(k) as GanStatus,
    advanceFor: loop.advanceFor,
    run: () => loop.run() as GanStatus,
    checkpoint: () => ({
      format: GAN_CHECKPOINT_FORMAT,
      config: configJson,
      iteration,
      status,
      generator: Float64Array.from(nets.G.params),
      discriminator: Float64Array.from(nets.D.params),
      generatorOptimizer: nets.optG.state(),
      discriminatorOptimizer: nets.optD.state(),
      noiseRng: nets.noiseRng.state(),
      dataRng: nets.dataRng.state(),
      last: { ...last },
      history: structuredClone(history),
    }),
    samples() {
      const out = new Float64Array(config.evalSamples * 2);
      generate(nets, nets.evalNoise, config.evalSamples, out);
      return out;
    },
    discriminate: (points, count) => discriminate(nets, points, count),
  };
}

/** Puts a checkpoint's state into freshly built nets; returns the loop's state to continue from. */
function resumeFrom(
  ck: GanCheckpoint,
  nets: GanNets,
  configJson: string,
): { iteration: number; status: GanStatus; last: GanMeasurements; history: GanRecord[] } {
  checkGanResumable(ck, configJson, { G: nets.G.size, D: nets.D.size });
  nets.G.params.set(ck.generator);
  nets.D.params.set(ck.discriminator);
  nets.optG.restore(ck.generatorOptimizer);
  nets.optD.restore(ck.discriminatorOptimizer);
  nets.noiseRng.restore(ck.noiseRng);
  nets.dataRng.restore(ck.dataRng);
  return {
    iteration: ck.iteration,
    status: ck.status,
    last: { ...ck.last },
    history: structuredClone(ck.history),
  };
}

/** Both losses and every parameter finite. */
function finite(nets: GanNets, last: GanMeasurements): boolean {
  if (!Number.isFinite(last.dLoss) || !Number.isFinite(last.gLoss)) return false;
  for (const p of [nets.G.params, nets.D.params])
    for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i])) return false;
  return true;
}
