import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { trainerRegime } from "../../src/regime/trainer-regime.js";
import { buildData } from "../../src/train/build-data.js";
import { createTrainer } from "../../src/train/trainer.js";

describe("trainerRegime", () => {
  it("compares the trainer's start with its current weights; training after it is unchanged", () => {
    const config = parseRunConfig({ init: { scheme: "diagonal", scale: 0.05 }, train: { steps: 100 } });
    const a = createTrainer(config, buildData(config));
    a.advance(50);
    const v = trainerRegime(a);
    expect(v.holds).toBe(true);
    expect(v.checks.find((c) => c.id === "fates")?.holds).toBe(true);
    a.run();
    const b = createTrainer(config, buildData(config));
    b.run();
    expect(Array.from(a.mlp.params)).toEqual(Array.from(b.mlp.params));
  });
});
