/**
 * The GAN bench's results, bit for bit: a SHA-256 of each run's history, final weights of both nets and
 * final samples, for configs that cover the loop's branches (ring/grid, the three losses, Adam/SGD with
 * momentum, a generator learning rate, dSteps/gSteps > 1, a run length that is not a multiple of
 * recordEvery, a run that diverges, the bench's and the lab's scale, advanced in uneven chunks).
 * fixtures/gan-hashes.json was written by the GAN loop before it moved onto the trainer's step loop
 * (`LEARNDYN_WRITE_GAN_HASHES=1 npx vitest run test/gan/golden-hashes.test.ts` rewrites it; do that only
 * for a change that is meant to change the bits, and say so in the commit).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cellConfig } from "../../src/experiments/gan/runs.js";
import { GAN_SCALES } from "../../src/experiments/gan/settings.js";
import type { GanConfigInput } from "../../src/gan/config.js";
import { createGanRun, type GanRun } from "../../src/gan/train.js";
import { ganLabConfig } from "../../web/src/gan/gan-session.js";
import { runHash } from "./run-hash.js";

const FIXTURE = new URL("./fixtures/gan-hashes.json", import.meta.url);

const small: GanConfigInput = {
  generator: { hidden: [8, 8] },
  discriminator: { hidden: [8, 8] },
  batchSize: 16,
  iterations: 60,
  recordEvery: 10,
  evalSamples: 300,
  optimizer: { lr: 1e-3 },
};
const bench = { ...GAN_SCALES.default, iterations: 150, recordEvery: 50 };

/** name → config and the chunks it is advanced in (the rest to the end). */
const CASES: Record<string, { config: GanConfigInput; chunks: number[] }> = {
  "ring-hinge-adam-s0": { config: { ...small, data: "ring", loss: "hinge", seed: 0 }, chunks: [] },
  "ring-hinge-adam-s7": { config: { ...small, data: "ring", loss: "hinge", seed: 7 }, chunks: [3, 11] },
  "grid-minimax-adam-s1": { config: { ...small, data: "grid", loss: "minimax", seed: 1 }, chunks: [] },
  "grid-nonsat-sgd-momentum": {
    config: {
      ...small,
      data: "grid",
      loss: "nonsaturating",
      optimizer: { kind: "sgd", lr: 0.05, momentum: 0.9 },
      seed: 2,
    },
    chunks: [25],
  },
  "ring-generatorLr-odd-length": {
    config: { ...small, iterations: 57, optimizer: { lr: 2e-3, generatorLr: 5e-4 }, seed: 3 },
    chunks: [1, 1, 5],
  },
  "ring-dSteps3-gSteps2": {
    config: { ...small, iterations: 41, dSteps: 3, gSteps: 2, seed: 4 },
    chunks: [1, 2, 3, 4],
  },
  "grid-gSteps3-recordEvery4": {
    config: { ...small, data: "grid", iterations: 50, gSteps: 3, recordEvery: 4, seed: 5 },
    chunks: [7],
  },
  "diverges-sgd-huge-lr": {
    config: { ...small, recordEvery: 3, optimizer: { kind: "sgd", lr: 1e305 }, seed: 6 },
    chunks: [2],
  },
  "bench-ring-hinge-adam": {
    config: cellConfig(bench, { data: "ring", loss: "hinge", optimizer: "adam" }, 0),
    chunks: [],
  },
  "bench-grid-minimax-sgd": {
    config: cellConfig(bench, { data: "grid", loss: "minimax", optimizer: "sgd" }, 1001),
    chunks: [40],
  },
  "lab-ring-nonsat-adam": {
    config: {
      ...ganLabConfig({ data: "ring", loss: "nonsaturating", optimizer: "adam", seed: 2 }),
      iterations: 120,
    },
    chunks: [10, 10, 10],
  },
};

function runCase(name: string): GanRun {
  const { config, chunks } = CASES[name];
  const run = createGanRun(config);
  for (const k of chunks) run.advance(k);
  run.advance(Number.MAX_SAFE_INTEGER);
  return run;
}

describe("GAN results are the bits recorded before the loop moved onto the trainer's step loop", () => {
  if (process.env.LEARNDYN_WRITE_GAN_HASHES === "1") {
    it("writes the fixture", () => {
      const out: Record<string, { hash: string; status: string; iteration: number; records: number }> = {};
      for (const name of Object.keys(CASES)) {
        const run = runCase(name);
        out[name] = {
          hash: runHash(run),
          status: run.status,
          iteration: run.iteration,
          records: run.history.length,
        };
      }
      writeFileSync(FIXTURE, `${JSON.stringify(out, null, 2)}\n`);
    });
    return;
  }
  const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<
    string,
    { hash: string; status: string; iteration: number; records: number }
  >;
  it("covers every case", () => {
    expect(Object.keys(fixture).sort()).toEqual(Object.keys(CASES).sort());
    expect(fixture["diverges-sgd-huge-lr"].status).toBe("diverged");
  });
  for (const name of Object.keys(CASES)) {
    it(name, () => {
      const run = runCase(name);
      expect({ iteration: run.iteration, records: run.history.length }).toEqual({
        iteration: fixture[name].iteration,
        records: fixture[name].records,
      });
      expect(runHash(run)).toBe(fixture[name].hash);
    });
  }
});
