import { describe, expect, it } from "vitest";
import { findPreset } from "../../web/src/presets.js";
import { LabSession } from "../../web/src/worker/session.js";
import { toyOverlay } from "../../web/src/worker/toy-overlay.js";

const toyPreset = () => findPreset("starvation-toy")!.config as Record<string, unknown>;

/** z = Λ ⊙ f(v) of a lab run of `config` at its end, from the views' feature responses. */
function endZ(config: Record<string, unknown>): [number, number] {
  const s = new LabSession(config);
  while (s.status === "running") s.advance(5000);
  const extras = s.drain().extras;
  const last = extras[extras.length - 1];
  const data = s.config.data as { strength1: number; strength2: number };
  return [data.strength1 * last.response![0], data.strength2 * last.response![1]];
}

describe("toyOverlay (the two-point toy's exact minimiser in the lab)", () => {
  it("is where the lab's own GD run ends, under L2 and under the trainer's spectral decoupling", () => {
    const l2 = new LabSession(toyPreset()).theory().toy;
    expect(l2 && "zStar" in l2).toBe(true);
    const zStar = (l2 as { zStar: [number, number] }).zStar;
    const z = endZ({ ...toyPreset(), train: { steps: 40000 } });
    for (const j of [0, 1]) expect(Math.abs(z[j] - zStar[j]) / Math.abs(zStar[j])).toBeLessThan(1e-6);
    // SD λ/2·mean(f²) on 2 points = the paper's (λ'/2)Σŷ² with λ' = λ/2: the overlay converts it
    const sdConfig = {
      ...toyPreset(),
      optimizer: { kind: "gd", lr: 0.05 },
      regularization: { spectralDecoupling: 0.004 },
      train: { steps: 40000 },
    };
    const sd = toyOverlay(new LabSession(sdConfig).config) as { zStar: [number, number]; penalty: string };
    expect(sd.penalty).toMatch(/^SD paper form .*λ = 0\.002$/);
    const zs = endZ(sdConfig);
    for (const j of [0, 1]) expect(Math.abs(zs[j] - sd.zStar[j]) / Math.abs(sd.zStar[j])).toBeLessThan(1e-6);
  });

  it("says why there is no fixed point outside the toy's setting, and is null for other data", () => {
    const session = (patch: Record<string, unknown>) => new LabSession({ ...toyPreset(), ...patch }).config;
    const hidden = toyOverlay(session({ model: { hidden: [4], activation: "relu", bias: false } }));
    expect(hidden).toEqual({ gap: expect.stringMatching(/hidden layers/) });
    const both = toyOverlay(session({ regularization: { spectralDecoupling: 0.01 } })) as { gap: string };
    expect(both.gap).toMatch(/exactly one penalty/);
    expect(toyOverlay(new LabSession(findPreset("c1")!.config).config)).toBeNull();
  });
});
