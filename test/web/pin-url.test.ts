import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { MAX_PIN_CHARS, pinsFragment, pinsParamOf, readPins } from "../../web/src/state/pin-url.js";
import { toBase64Url } from "../../web/src/state/url-state.js";

const current = parseRunConfig({ name: "now", seed: 2, optimizer: { kind: "adam", lr: 0.01 } });
const seed1 = parseRunConfig({ name: "now", seed: 1, optimizer: { kind: "adam", lr: 0.01 } });
const gd = parseRunConfig({ name: "then", seed: 2, optimizer: { kind: "gd", lr: 0.1 } });

describe("pinned runs in the URL", () => {
  it("stores a pin as its changes to the run on screen and rebuilds the same config", () => {
    const fragment = pinsFragment(
      [
        { id: 1, steps: 400, config: seed1 },
        { id: 3, steps: 120, config: gd },
      ],
      current,
    );
    expect(fragment.startsWith("&pins=")).toBe(true);
    expect(fragment.length, "changes only, not two whole configs").toBeLessThan(400);
    const param = pinsParamOf(`#v=1&config=abc${fragment}`);
    expect(param).not.toBeNull();
    const back = readPins(param as string, current);
    expect(back.errors).toEqual([]);
    expect(back.pins).toEqual([
      { id: 1, steps: 400, config: seed1 },
      { id: 3, steps: 120, config: gd }, // adam's β₁, β₂, ε removed, gd's momentum set
    ]);
  });

  it("writes nothing without pins, and keeps a pin on other, large inline data out of the URL", () => {
    expect(pinsFragment([], current)).toBe("");
    const x = Array.from({ length: 200 }, (_, i) => [i / 7, -i / 3]);
    const big = parseRunConfig({
      ...current,
      data: { kind: "inline", x, y: x.map((_, i) => (i % 2 ? 1 : -1)) },
    });
    expect(JSON.stringify(big.data).length).toBeGreaterThan(MAX_PIN_CHARS);
    expect(pinsFragment([{ id: 1, steps: 10, config: big }], current)).toBe("");
  });

  it("says what is wrong with a damaged or invalid pins part, and keeps the pins it can read", () => {
    expect(readPins("%%%", current).errors[0]).toMatch(/pinned runs are damaged .*pin them again/);
    const bad = toBase64Url(
      JSON.stringify([
        { id: 1, steps: 5, set: [[["optimizer", "lr"], -1]], unset: [] },
        { id: 2, steps: 5, set: [[["seed"], 7]], unset: [] },
        { id: 3, steps: 5, set: [[["__proto__", "x"], 1]], unset: [] },
        { id: 4 },
      ]),
    );
    const r = readPins(bad, current);
    expect(r.pins.map((p) => [p.id, p.config.seed])).toEqual([[2, 7]]);
    expect(r.errors[0]).toMatch(/^pinned run 1 in the link does not make a valid config \(.*lr/);
    expect(r.errors[1]).toMatch(/^pinned run 3 .*key path/);
    expect(r.errors[2]).toMatch(/no id, steps or changes/);
  });
});
