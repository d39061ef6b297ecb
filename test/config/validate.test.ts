import { describe, expect, it } from "vitest";
import { ConfigError, parseRunConfig } from "../../src/config/validate.js";

describe("parseRunConfig", () => {
  it("fills every default from {}", () => {
    const c = parseRunConfig({});
    expect(c.version).toBe(1);
    expect(c.data.kind).toBe("orthogonal");
    expect(c.loss).toEqual({ kind: "ce", reduction: "sum", margin: 1 });
    expect(c.optimizer.kind).toBe("gd");
    expect(c.train.steps).toBe(1000);
  });

  it("round-trips: a parsed config parses to itself", () => {
    const c = parseRunConfig({
      data: { kind: "moons" },
      model: { hidden: [3, 4] },
      optimizer: { kind: "adam", lr: 1e-3 },
    });
    expect(parseRunConfig(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it("names every bad field and what is allowed", () => {
    try {
      parseRunConfig(
        { model: { hidden: [-1], activation: "sigmoid" }, optimizer: { lr: 0 }, data: { kind: "spiral" } },
        "x.json",
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      expect(message).toContain("x.json");
      expect(message).toMatch(/model\.hidden\.0/);
      expect(message).toMatch(/model\.activation: .*relu/);
      expect(message).toMatch(/optimizer\.lr/);
      expect(message).toMatch(/data\.kind/);
    }
  });

  it("rejects nesterov without momentum", () => {
    expect(() => parseRunConfig({ optimizer: { nesterov: true } })).toThrow(/nesterov needs momentum/);
  });

  it("accepts explicit weights and per-layer init", () => {
    expect(parseRunConfig({ init: { scheme: "explicit", weights: [{ W: [[1]] }] } }).init.scheme).toBe(
      "explicit",
    );
    const c = parseRunConfig({
      init: { layers: [{ scheme: "diagonal" }, { scheme: "gaussian", scale: 0.5 }] },
    });
    expect(c.init.scheme).toBe("gaussian");
  });
});
