/**
 * One GAN run of the lab's GAN view (issue 6): the bench's own run (src/gan) at the bench's default
 * scale, advanced through the library's step loop (advance, advanceFor), plus what the view draws — the generated samples, the discriminator's logit
 * over the plane and which modes are captured. Plain TypeScript with no DOM or worker API, so it runs in
 * the GAN worker and in Node tests alike.
 */

import type { GanLoss } from "../../../src/index.js";
import {
  createGanRun,
  type GanConfig,
  type GanRecord,
  type GanRun,
  jsBackend,
  modeMetrics,
  parseGanConfig,
} from "../../../src/index.js";

/** What the view lets a user choose; everything else is the bench's default scale. */
export interface GanChoice {
  /** 8 Gaussians on a ring or 25 on a 5×5 grid. */
  data: "ring" | "grid";
  /** minimax or non-saturating cross-entropy, or hinge. */
  loss: GanLoss;
  /** Adam (lr 1e-3, β1 0.5) or SGD (lr 0.05), the bench's default learning rates. */
  optimizer: "adam" | "sgd";
  /** Seed of every random draw. */
  seed: number;
}

export const DEFAULT_GAN_CHOICE: GanChoice = { data: "ring", loss: "hinge", optimizer: "adam", seed: 0 };

/** Cells per side of the discriminator's surface. */
export const SURFACE_SIZE = 48;

/** The run config of a choice: the GAN bench's default scale (32-wide nets, batch 64, 4000 updates). */
export function ganLabConfig(choice: GanChoice): GanConfig {
  return parseGanConfig({
    data: choice.data,
    loss: choice.loss,
    optimizer: { kind: choice.optimizer, lr: choice.optimizer === "adam" ? 1e-3 : 0.05 },
    generator: { hidden: [32, 32], noiseDim: 2 },
    discriminator: { hidden: [32, 32] },
    batchSize: 64,
    iterations: 4000,
    recordEvery: 50,
    evalSamples: 2500,
    seed: choice.seed,
  });
}

/** The fixed facts of a run the view needs once. */
export interface GanInfo {
  /** Mode centres, K × 2 row-major. */
  means: number[];
  std: number;
  /** The plane shown: [x0, x1] = [y0, y1]. */
  extent: [number, number];
  iterations: number;
  config: GanConfig;
}

/** What the view draws at one moment. */
export interface GanFrame {
  iteration: number;
  status: "running" | "done" | "diverged";
  /** Generated samples on the run's fixed evaluation noise, x and y interleaved. */
  samples: number[];
  /** D's logit on SURFACE_SIZE² cell centres over the extent; values[j * n + i] at (x_i, y_j). */
  surface: number[];
  /** Per mode: captured now (≥ 1 high-quality sample nearest to it). */
  captured: boolean[];
  /** Records taken since the last frame (modes captured, high-quality share, … every 50 updates). */
  records: GanRecord[];
}

export class GanSession {
  readonly info: GanInfo;
  private readonly run: GanRun;
  private readonly cells: Float64Array;
  private sent = 0;

  constructor(choice: GanChoice) {
    const config = ganLabConfig(choice);
    this.run = createGanRun(config, { backend: jsBackend });
    const { mixture } = this.run;
    let r = 0;
    for (const v of mixture.means) r = Math.max(r, Math.abs(v));
    const half = Math.ceil(r * 1.5);
    this.info = {
      means: Array.from(mixture.means),
      std: mixture.std,
      extent: [-half, half],
      iterations: config.iterations,
      config,
    };
    const n = SURFACE_SIZE;
    this.cells = new Float64Array(n * n * 2);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        this.cells[(j * n + i) * 2] = -half + ((i + 0.5) / n) * 2 * half;
        this.cells[(j * n + i) * 2 + 1] = -half + ((j + 0.5) / n) * 2 * half;
      }
    }
  }

  get iteration(): number {
    return this.run.iteration;
  }

  get status(): GanFrame["status"] {
    return this.run.status;
  }

  /** Takes up to k more generator updates (the library's GanRun.advance); returns how many were taken. */
  advance(k: number): number {
    const before = this.run.iteration;
    this.run.advance(k);
    return this.run.iteration - before;
  }

  /** Trains for about `ms` milliseconds and at most `maxSteps` updates (GanRun.advanceFor); returns the updates taken. */
  advanceFor(ms: number, maxSteps?: number): number {
    return this.run.advanceFor(ms, maxSteps);
  }

  /** The samples, D's surface and the records since the last frame. */
  frame(): GanFrame {
    const samples = this.run.samples();
    const n = samples.length / 2;
    const m = modeMetrics(this.run.mixture, samples, n);
    const records = this.run.history.slice(this.sent);
    this.sent = this.run.history.length;
    return {
      iteration: this.run.iteration,
      status: this.status,
      samples: Array.from(samples),
      surface: Array.from(this.run.discriminate(this.cells, SURFACE_SIZE * SURFACE_SIZE)),
      captured: m.counts.map((c) => c >= 1),
      records,
    };
  }
}
