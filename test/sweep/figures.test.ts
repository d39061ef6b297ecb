import { describe, expect, it } from "vitest";
import type { StoredRun } from "../../src/node/store/store.js";
import { scalarRange, sweepFigures, sweepHeatmap, sweepScaling } from "../../src/sweep/figures.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";

function run(
  values: unknown[],
  seedIndex: number,
  scalars: Record<string, number>,
  status: StoredRun["status"] = "done",
): StoredRun {
  return {
    pointIndex: 0,
    pointKey: JSON.stringify(values),
    values,
    seedIndex,
    seed: 0,
    configHash: "",
    status,
    stopReason: "",
    error: "",
    steps: 1,
    scalars,
    history: null,
    seconds: 0,
  };
}

describe("sweep figures", () => {
  it("heatmap marks diverged and failed cells and averages seeds", () => {
    const spec = parseSweepSpec({
      name: "h",
      axes: [
        { name: "a", field: "optimizer.lr", values: [0.1, 0.2] },
        { name: "b", field: "init.scale", values: [1, 2] },
      ],
      seeds: 2,
    });
    const runs = [
      run([0.1, 1], 0, { loss: 1, error: 0 }),
      run([0.1, 1], 1, { loss: 3, error: 0 }),
      run([0.2, 1], 0, { loss: 2, error: 0 }),
      run([0.1, 2], 0, { loss: Number.NaN, error: 1 }, "diverged"),
      run([0.2, 2], 0, {}, "failed"),
    ];
    const f = sweepHeatmap(spec, runs, { x: "a", y: "b", value: "loss" });
    const cells = f.figure.data.filter((r) => r.layer === "cell");
    expect(cells.find((c) => c.x === 0.1 && c.y === 1)?.value).toBe(2);
    const marks = f.figure.data.filter((r) => r.category === "diverged" || r.category === "failed");
    expect(marks.map((m) => m.category).sort()).toEqual(["diverged", "failed"]);
    expect(sweepFigures(spec, runs).length).toBe(2); // default: a heatmap per kept scalar
  });

  it("keeps a heatmap's colour legend inside the quantity's range", () => {
    const spec = parseSweepSpec({
      name: "h",
      axes: [
        { name: "a", field: "optimizer.lr", values: [0.1, 0.2] },
        { name: "b", field: "init.scale", values: [1, 2] },
      ],
    });
    const runs = [
      [0.1, 1],
      [0.2, 1],
      [0.1, 2],
      [0.2, 2],
    ].map((v) => run(v, 0, { error: 0.1, loss: 0.3 }));
    const domain = (value: string) => {
      const f = sweepHeatmap(spec, runs, { x: "a", y: "b", value });
      return (
        f.figure.spec as { layer: { encoding: { color?: { scale: { domain: number[] } } } }[] }
      ).layer.find((l) => l.encoding.color)!.encoding.color!.scale.domain;
    };
    expect(domain("error")).toEqual([0, 0.6]); // not [−0.4, 0.6]
    expect(domain("loss")).toEqual([0, 0.8]);
    expect(scalarRange("accuracy:B-only")).toEqual([0, 1]);
    expect(scalarRange("marginMin")).toBeUndefined();
  });

  it("scaling plot fits one slope per group", () => {
    const spec = parseSweepSpec({
      name: "s",
      axes: [
        { name: "eps", field: "init.scale", values: [0.001, 0.01, 0.1, 1] },
        { name: "rho", field: "optimizer.lr", values: [0.2, 0.5] },
      ],
      keep: { scalars: ["u"] },
    });
    const runs = [0.001, 0.01, 0.1, 1].flatMap((eps) =>
      [0.2, 0.5].map((rho) => run([eps, rho], 0, { u: eps ** (1 - rho) })),
    );
    const { fits, figures } = sweepScaling(spec, runs, { x: "eps", y: "u", by: "rho" });
    expect(fits.map((f) => f.fit?.slope)).toEqual([expect.closeTo(0.8, 10), expect.closeTo(0.5, 10)]);
    expect(figures).toHaveLength(2);
  });
});
