import { describe, expect, it } from "vitest";
import { PRESETS } from "../../web/src/presets.js";
import { normalizeConfig, type RawConfig } from "../../web/src/state/config-edit.js";
import { neutralConfig } from "../../web/src/state/csv-upload.js";
import { presetOf } from "../../web/src/state/preset-of.js";

const raw = (c: unknown) => normalizeConfig(c) as RawConfig;

describe("presetOf", () => {
  it("finds every preset from its own config", () => {
    for (const p of PRESETS) expect(presetOf(raw(p.config))?.id, p.id).toBe(p.id);
  });

  it("a config named like a preset on other data is no preset (an upload named moons.csv)", () => {
    const upload = neutralConfig({ kind: "inline", name: "moons.csv", x: [[0, 1]], y: [1] }, "moons.csv", 8);
    expect(upload.name).toBe("moons");
    expect(presetOf(raw(upload))).toBeUndefined();
    const moons = PRESETS.find((p) => p.id === "moons")!;
    expect(presetOf({ ...raw(moons.config), data: { kind: "blobs" } })).toBeUndefined();
  });

  it("inline data matches a preset only under the preset's data name", () => {
    const s2s = PRESETS.find((p) => p.config.data?.kind === "inline")!;
    expect(presetOf(raw(s2s.config))?.id).toBe(s2s.id);
    const other = { ...raw(s2s.config), data: { kind: "inline", name: "mine.csv", x: [[1]], y: [1] } };
    expect(presetOf(other)).toBeUndefined();
  });

  it("a run with another name is no preset, whatever its data", () => {
    expect(presetOf({ ...raw(PRESETS[0].config), name: "my run" })).toBeUndefined();
  });
});
