import { describe, expect, it } from "vitest";
import { makeData } from "../../../src/data/registry.js";
import { Rng } from "../../../src/engine/rng.js";
import { memoryCheckpoints } from "../../../src/experiments/experiment-io.js";
import { ABLATIONS } from "../../../src/experiments/starvation-ablations/ablations.js";
import { measureAblations, unrotate } from "../../../src/experiments/starvation-ablations/measure.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";
import { dataBox } from "../../../src/kit/measure/decision-grid.js";

const tiny = {
  ...ABLATION_SCALES.default,
  seeds: 2,
  width: 30,
  deepWidth: 8,
  epochs: 100,
  grid: 31,
  nTest: 20,
  ntkSeeds: 0,
};
const pick = (...ids: string[]) =>
  ids.map((id) => ABLATIONS.find((a) => a.id === id) as (typeof ABLATIONS)[number]);

describe("unrotate", () => {
  it("undoes the moons generator's rotation: the rotated set turned back is the unrotated set", () => {
    const draw = (rotation: number) =>
      makeData({ kind: "moons", n: 50, noise: 0.1, margin: 0.1, rotation }, new Rng(4).fork("data")).train.x;
    const plain = draw(0);
    const turned = draw(45);
    const back = unrotate(
      [Array.from({ length: 50 }, (_, i) => ({ x: turned[2 * i], y: turned[2 * i + 1] }))],
      45,
    )[0];
    for (let i = 0; i < 50; i++) {
      expect(back[i].x).toBeCloseTo(plain[2 * i], 12);
      expect(back[i].y).toBeCloseTo(plain[2 * i + 1], 12);
    }
  });
});

describe("measureAblations", () => {
  it("averages the seeds per ablation, measures each seed, and keeps the unrotated data's box", () => {
    const m = measureAblations(tiny, 2, {}, pick("rotation", "none", "sd"));
    expect(m.results.map((r) => r.ablation.id)).toEqual(["rotation", "none", "sd"]);
    for (const r of m.results) {
      expect(r.runs).toHaveLength(2);
      expect(r.seedRms).toHaveLength(2);
      expect(r.margins).toHaveLength(2);
      for (let i = 0; i < r.mean.length; i += 97)
        expect(r.mean[i]).toBeCloseTo((r.runs[0].grid[i] + r.runs[1].grid[i]) / 2, 12);
      expect(r.deviation.length).toBeGreaterThan(1);
    }
    expect(m.box).toEqual(dataBox(m.results[1].runs.map((r) => r.x)));
    expect(m.features.map((f) => [f.arm.id, f.runs.length])).toEqual([
      ["fig2-none", 0],
      ["fig2-sd", 0],
    ]);
    // Seeds 2000 and 2001 draw the same points for every unrotated ablation.
    expect(m.results[2].runs[1].x).toEqual(m.results[1].runs[1].x);
  });

  it("keeps finished runs in the checkpoint store and reloads them instead of training again", () => {
    const store = memoryCheckpoints();
    let saves = 0;
    const counting = {
      ...store,
      location: store.location,
      load: store.load,
      save: (k: string, c: Parameters<typeof store.save>[1]) => {
        saves++;
        store.save(k, c);
      },
    };
    const first = measureAblations(tiny, 0, { checkpoints: counting }, pick("none", "sd"));
    expect(saves).toBe(4);
    const again = measureAblations(tiny, 0, { checkpoints: counting }, pick("none", "sd"));
    expect(saves).toBe(4);
    expect(again.results[1].mean).toEqual(first.results[1].mean);
    expect(again.results[0].seedRms).toEqual(first.results[0].seedRms);
    expect(again.results[0].runs[0].testAccuracy).toBe(first.results[0].runs[0].testAccuracy);
    // The Fig. 2 pair is kept too.
    const withPair = { ...tiny, seeds: 1, ntkSeeds: 1, ntkEpochs: 30 };
    const pair = measureAblations(withPair, 0, { checkpoints: counting }, pick("none"));
    expect(saves).toBe(4 + 2);
    expect(measureAblations(withPair, 0, { checkpoints: counting }, pick("none")).features).toEqual(
      pair.features,
    );
    expect(saves).toBe(6);
    // Other sizes are other runs.
    measureAblations({ ...tiny, epochs: 50 }, 0, { checkpoints: counting }, pick("none"));
    expect(saves).toBe(8);
  });
});
