import { describe, expect, it } from "vitest";
import { PRESETS } from "../../web/src/presets.js";
import { normalizeConfig, type RawConfig } from "../../web/src/state/config-edit.js";
import { initialRaw, labThreads, presetView } from "../../web/src/state/start-state.js";
import { encodeState } from "../../web/src/state/url-state.js";

describe("the lab's start state", () => {
  it("takes the link's config, else preset C1 with a message saying why", () => {
    const mine = { name: "mine", seed: 3 };
    expect(initialRaw(`#${encodeState(mine)}`)).toEqual({ raw: mine, error: null });
    const none = initialRaw("");
    expect(none.raw.name).toBe(PRESETS[0].config.name);
    expect(none.error).toBeNull();
    expect(initialRaw(`#${encodeState([1, 2])}`).error).toContain("not a JSON object");
    const file = initialRaw(`#${encodeState({ data: { kind: "file", path: "big.csv" } })}`);
    expect(file.error).toContain("big.csv");
  });

  it("starts a preset on its own axes, anything else on linear time and log loss", () => {
    const c1 = PRESETS.find((p) => p.id === "c1")!;
    expect(presetView(normalizeConfig(c1.config) as RawConfig).logX).toBe(true);
    expect(
      presetView({ name: c1.config.name, data: { kind: "inline" } }).logX,
      "C1's name on other data",
    ).toBe(false);
    expect(presetView({ name: "not a preset" })).toEqual({ logX: false, logY: { loss: true } });
  });

  it("leaves a core to the page unless the address asks for threads", () => {
    expect(labThreads("", 2)).toBe(1);
    expect(labThreads("", 16)).toBe(4);
    expect(labThreads("?threads=2", 2)).toBe(2);
    expect(labThreads("?threads=99", 8)).toBe(4);
    expect(labThreads("", 0)).toBe(1);
  });
});
