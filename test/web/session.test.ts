import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { runTraining } from "../../src/train/run.js";
import { findPreset } from "../../web/src/presets.js";
import { readCsvAsInline } from "../../web/src/state/csv-upload.js";
import { LabSession } from "../../web/src/worker/session.js";

describe("LabSession (the worker's training)", () => {
  it("gives the CLI's history exactly, advanced in uneven chunks", () => {
    const config = { ...findPreset("c4")!.config, train: { steps: 300 } };
    const s = new LabSession(config);
    const chunks = [1, 7, 50, 3, 1000];
    let i = 0;
    while (s.status === "running") s.advance(chunks[i++ % chunks.length]);
    const cli = runTraining(parseRunConfig(config));
    expect(s.history).toEqual(cli.history);
    const drained = s.drain();
    expect(drained.records).toEqual(cli.history);
    expect(drained.extras.length).toBe(cli.history.length);
    expect(drained.extras[0].a?.length).toBe(16);
    expect(s.drain().records).toEqual([]);
  });

  it("gives the units' start before training, equal to the first record's", () => {
    const s = new LabSession(findPreset("c1")!.config);
    expect(s.info.units0?.a.length).toBe(100);
    s.advance(1);
    const first = s.drain().extras[0];
    expect(s.info.units0).toEqual({ a: first.a, yb: first.yb });
    expect(new LabSession(findPreset("moons")!.config).info.units0).toBeNull();
  });

  it("computes the theory overlay where it applies", () => {
    const c1 = new LabSession(findPreset("c1")!.config).theory();
    expect(c1.error).not.toBeNull();
    expect(c1.errorPopulation).not.toBeNull();
    expect(c1.modes.length).toBe(100);
    expect(c1.errorPopulation![0]).toBeCloseTo(0.5, 12);
    expect(c1.errorPopulation![c1.errorPopulation!.length - 1]).toBeCloseTo(0.25, 4);
    const moons = new LabSession(findPreset("moons")!.config).theory();
    expect(moons.modes).toEqual([]);
    expect(moons.notes[0]).toMatch(/data are not orthogonal/);
  });

  it("draws no flow curve where GD leaves the flow, and its status carries the regime verdict", () => {
    const c1 = findPreset("c1")!.config as Record<string, unknown>;
    const fast = new LabSession({ ...c1, optimizer: { lr: 6 }, train: { steps: 50 } });
    const overlay = fast.theory();
    expect(overlay.modes).toEqual([]);
    expect(overlay.error).toBeNull();
    expect(overlay.notes[0]).toMatch(
      /^No theory overlay: gradient descent leaves the gradient flow here\. η·max‖x‖ = \d/,
    );
    expect(fast.drain().regime.breaks).toContain("flowStep");
    while (fast.status === "running") fast.advance(100);
    const end = fast.drain().regime;
    expect(end.breaks).toContain("fates");
    const big = new LabSession({
      ...c1,
      init: {
        scheme: "gaussian",
        scale: 3,
        layers: [
          { scheme: "diagonal", scale: 3, diagonal: "half-normal" },
          { scheme: "gaussian", scale: 3 },
        ],
      },
    }).theory();
    expect(big.modes.length).toBe(100);
    expect(big.errorPopulation).toBeNull();
    expect(big.notes.join(" ")).toMatch(/No population error curve \(P8 is a small-init result\)/);
    expect(new LabSession(c1).drain().regime.holds).toBe(true);
  });

  it("a decision grid exists only for 2-D data", () => {
    const s = new LabSession(findPreset("moons")!.config);
    const g = s.decisionGrid();
    expect(g?.values.length).toBe(g!.x.length * g!.y.length);
    expect(new LabSession(findPreset("c2")!.config).decisionGrid()).toBeNull();
  });

  it("rejects bad configs with the schema's message, and turns uploaded CSV into inline data", () => {
    expect(() => new LabSession({ optimizer: { lr: -1 } })).toThrow(/optimizer\.lr/);
    const ok = readCsvAsInline("x1,x2,y\n0,1,1\n1,0,0\n", "pts.csv");
    expect(ok).toEqual({
      data: {
        kind: "inline",
        name: "pts.csv",
        x: [
          [0, 1],
          [1, 0],
        ],
        y: [1, -1],
      },
      warning: null,
    });
    const bad = readCsvAsInline("x1,x2,y\n0,1,1\n1,oops,0\n", "pts.csv");
    expect("error" in bad && bad.error).toMatch(/pts\.csv, line 3, column "x2": "oops" is not a number/);
  });
});
