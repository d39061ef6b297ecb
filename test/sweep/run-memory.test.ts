import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { runSweep } from "../../src/node/sweep-runner.js";
import { planSweep } from "../../src/sweep/expand.js";
import {
  batchRunsThatFit,
  batchSlotBytes,
  checkRunMemory,
  checkSweepMemory,
  dataShape,
  largestRun,
  runBytes,
} from "../../src/sweep/run-memory.js";
import { parseSweepSpec, type SweepSpecInput } from "../../src/sweep/spec.js";
import { buildData } from "../../src/train/build-data.js";
import { tempPath } from "../node/store/helpers.js";
import { smallSpec } from "./fixtures.js";

const GiB = 2 ** 30;
const plan = (input: SweepSpecInput) => planSweep(parseSweepSpec(input));

describe("runBytes / dataShape", () => {
  it("reads the data's shape from its spec, without generating it", () => {
    const shape = (data: object, inputs?: string[]) =>
      dataShape(parseRunConfig({ data, ...(inputs ? { inputs } : {}) }).data, inputs);
    expect(shape({ kind: "orthogonal", norms: [1, 2, 3] })).toEqual({ n: 3, d: 3 });
    expect(shape({ kind: "orthogonal", norms: 1, count: 5, dim: 9 })).toEqual({ n: 5, d: 9 });
    expect(shape({ kind: "blobs", n: 100_000, d: 4096 })).toEqual({ n: 200_000, d: 4096 });
    expect(shape({ kind: "moons", n: 300, nTest: 50 })).toEqual({ n: 350, d: 2 });
    expect(shape({ kind: "inline", x: [[1, 2, 3]], y: [1] })).toEqual({ n: 1, d: 3 });
    expect(shape({ kind: "playground", n: 10 }, ["x1", "x2", "x1*x2"])).toEqual({ n: 20, d: 3 });
    // the generated sets' points and width, for the kinds whose shape is a formula of several fields
    for (const data of [
      { kind: "lms", n: 300, nTest: 40, slabs: 6, noise: 3 },
      { kind: "lms", n: 30, nTest: 20, slabs: 2, randomizedTests: true },
      { kind: "two-point-toy", strength1: 3 },
    ]) {
      const made = buildData(parseRunConfig({ data }));
      const points = made.train.n + Object.values(made.tests).reduce((a, t) => a + t.n, 0);
      expect(shape(data)).toEqual({ n: points, d: made.train.d });
    }
  });

  it("counts parameters exactly and the optimizer's state, data and activations on top", () => {
    const base = { data: { kind: "orthogonal", norms: [1, 1, 1, 1] }, model: { hidden: [10] } };
    const gd = runBytes(parseRunConfig(base));
    // 4 inputs → 10 → 1, biases off by default: 40 + 10 weights.
    expect(gd.params).toBe(50);
    const adam = runBytes(parseRunConfig({ ...base, optimizer: { kind: "adam", lr: 0.01 } }));
    expect(adam.bytes - gd.bytes).toBe(2 * 50 * 8);
    const wide = runBytes(parseRunConfig({ ...base, model: { hidden: [100_000, 100_000] } }));
    expect(wide.params).toBeGreaterThan(1e10);
  });
});

describe("largestRun", () => {
  it("finds the largest run of a 10^15-point sweep at the ends of its ranges, without walking the plan", () => {
    const p = plan({
      name: "huge",
      base: { data: { kind: "orthogonal", norms: [1, 1, 1, 1] }, model: { hidden: [8, 8] } },
      axes: [
        { field: "model.hidden.0", range: { from: 8, to: 4096, count: 100_000 } },
        { field: "optimizer.lr", range: { from: 1e-4, to: 1, count: 100_000, scale: "log" } },
        { field: "model.hidden.1", range: { from: 2048, to: 16, count: 100_000 } },
      ],
    });
    expect(p.pointCount).toBe(1e15);
    const run = largestRun(p);
    expect(run.where).toEqual(["model.hidden.0 = 4096", "optimizer.lr = 0.0001", "model.hidden.1 = 2048"]);
    // 4·4096 + 4096·2048 + 2048 weights.
    expect(run.params).toBe(4 * 4096 + 4096 * 2048 + 2048);
  });

  it("tries every value of a list and zipped axes together", () => {
    const listed = largestRun(
      plan({ ...smallSpec(), axes: [{ field: "model.hidden", values: [[4], [64, 64], [16]] }] }),
    );
    expect(listed.where).toEqual(["model.hidden = [64,64]"]);
    const zipped = largestRun(
      plan({
        ...smallSpec(),
        combine: "zip",
        axes: [
          { field: "model.hidden.0", values: [4, 300, 8] },
          { field: "optimizer.lr", values: [0.1, 0.2, 0.3] },
        ],
      }),
    );
    expect(zipped.where).toEqual(["model.hidden.0 = 300", "optimizer.lr = 0.2"]);
  });
});

describe("checkSweepMemory", () => {
  const absurd = {
    name: "absurd",
    base: { data: { kind: "orthogonal", norms: [1, 1, 1, 1] }, model: { hidden: [64, 64] } },
    axes: [
      { field: "model.hidden.1", values: [64, 100_000] },
      { field: "model.hidden.0", values: [64, 100_000] },
    ],
  };

  it("refuses a sweep whose largest run is larger than the machine, naming the axis values and the fix", () => {
    expect(() => checkSweepMemory(plan(absurd), 1, 64 * GiB)).toThrow(
      /sweep "absurd": its largest run at model.hidden.1 = 100000, model.hidden.0 = 100000 has 10,000,500,000 parameters and needs about 298.\d GiB .*more than this machine's 64.0 GiB; shrink that axis/,
    );
  });

  it("names the worker count that fits when several such runs at once do not", () => {
    const wide = { ...absurd, axes: [{ field: "model.hidden.1", values: [64, 20_000] }] };
    // 64·20,000 + … ≈ 1.3·10^6 parameters → tens of MiB per run: 4 fit in 0.2 GiB, 16 do not.
    const { bytes } = largestRun(plan(wide));
    expect(() => checkSweepMemory(plan(wide), 16, 4 * bytes + 1)).toThrow(
      /16 workers running such runs at once need .* GiB, more than this machine's .*; pass --workers 4/,
    );
    expect(() => checkSweepMemory(plan(wide), 4, 4 * bytes + 1)).not.toThrow();
  });

  it("runSweep refuses before the store is made or anything runs", async () => {
    const store = tempPath("absurd.db");
    await expect(runSweep({ spec: parseSweepSpec(absurd), storePath: store, workers: 0 })).rejects.toThrow(
      /its largest run at .* needs about 298.\d GiB/,
    );
    expect(existsSync(store)).toBe(false);
  });
});

describe("runBytes with a known data shape / checkRunMemory (learndyn train)", () => {
  const config = parseRunConfig({
    data: { kind: "orthogonal", norms: [1, 1, 1, 1] },
    model: { hidden: [10] },
  });

  it("takes the loaded data's shape instead of the spec's", () => {
    // 50 parameters × 4 copies + data 4 × (4 + 1) + activations 4 points × 11 units × 3.
    expect(runBytes(config).bytes).toBe(8 * (50 * 4 + 4 * 5 + 4 * 11 * 3));
    // A file's data: the spec says nothing (0 × 0), the loaded set says 1000 × 4.
    expect(runBytes(config, { n: 1000, d: 4 }).bytes).toBe(8 * (50 * 4 + 1000 * 5 + 1000 * 11 * 3));
  });

  it("refuses a run larger than the machine, by its model or its data, naming the fix", () => {
    const wide = parseRunConfig({ ...config, model: { hidden: [100_000, 100_000] } });
    expect(() => checkRunMemory(wide, { n: 4, d: 4 }, 64 * GiB)).toThrow(
      /the model has 10,000,500,000 parameters: about \d+\.\d GiB .*more than this machine's 64.0 GiB; make model\.hidden smaller/,
    );
    expect(() => checkRunMemory(config, { n: 4, d: 4 }, 64 * GiB)).not.toThrow();
    // 10^6 points of 10^4 inputs: 80 GB of data alone.
    expect(() => checkRunMemory(config, { n: 1e6, d: 1e4 }, 64 * GiB)).toThrow(/(or the data)/);
  });
});

describe("batched runs: batchSlotBytes / batchRunsThatFit", () => {
  it("counts a run's slot of the stacked arrays", () => {
    const config = parseRunConfig({
      data: { kind: "orthogonal", norms: [1, 1, 1, 1] },
      model: { hidden: [10] },
    });
    // params and grad 2 × 50, inputs 4 × 4, pre-activations + activations 4 × (2·10 + 2), deltas 2 × 4 × 10.
    expect(batchSlotBytes(config)).toBe(8 * (100 + 16 + 4 * 22 + 80));
  });

  it("caps the batch so that every worker's batch of the largest run fits", () => {
    const run = largestRun(plan(smallSpec()));
    expect(run.batchedBytes).toBeGreaterThan(run.bytes);
    const per = run.batchedBytes;
    expect(batchRunsThatFit(run, 2, 2 * 10 * per + 1, 256)).toBe(10);
    expect(batchRunsThatFit(run, 2, 2 * 10 * per + 1, 4)).toBe(4);
    expect(batchRunsThatFit(run, 0, 10 * per, 256)).toBe(10);
    // Not even one batched run fits: runs go alone (checkSweepMemory judged one run alone).
    expect(batchRunsThatFit(run, 1, per - 1, 256)).toBe(1);
  });

  it("runSweep trains in batches that fit memoryBytes, and every run is stored", async () => {
    const spec = parseSweepSpec(
      smallSpec({ axes: [{ field: "optimizer.lr", values: [0.05, 0.1, 0.2, 0.3] }] }),
    );
    const per = largestRun(planSweep(spec)).batchedBytes;
    const batch = { maxRuns: 256 };
    const capped = await runSweep({
      spec,
      storePath: tempPath("capped.db"),
      workers: 0,
      memoryBytes: 3 * per,
      batch,
    });
    expect(capped.batchRuns).toBe(3);
    expect(capped.ran.done + capped.ran.stopped).toBe(8);
    const free = await runSweep({ spec, storePath: tempPath("free.db"), workers: 0, batch });
    expect(free.batchRuns).toBe(256);
  });
});
