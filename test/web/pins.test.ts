import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import type { RunView } from "../../web/src/components/run-view.js";
import { configDiff, pinLabel, pinRun } from "../../web/src/run/pins.js";

const config = parseRunConfig({ name: "a", seed: 0, optimizer: { lr: 0.05 } });

describe("pinned runs", () => {
  it("keep their curves and are labelled by what differs from the run on screen", () => {
    const run = {
      config,
      history: [
        { step: 0, t: 0, loss: 2, error: 0.5 },
        { step: 10, t: 0.5, loss: 1, error: 0.25 },
      ],
    } as unknown as RunView;
    const pin = pinRun(run, 1);
    expect(pin.loss).toEqual({ t: [0, 0.5], y: [2, 1] });
    expect(pin.error.y).toEqual([0.5, 0.25]);
    const other = parseRunConfig({ name: "b", seed: 1, optimizer: { lr: 0.05 } });
    expect(configDiff(config, other)).toEqual(["seed 0"]);
    expect(pinLabel(pin, other)).toBe("pinned 1: seed 0");
    expect(pinLabel(pin, config)).toBe("pinned 1 (same config)");
    const far = parseRunConfig({
      seed: 2,
      optimizer: { lr: 0.1 },
      train: { steps: 5 },
      model: { hidden: [3] },
    });
    expect(pinLabel(pin, far)).toMatch(/^pinned 1: seed 0, model.hidden \[16\] \+2 more$/);
  });
});
