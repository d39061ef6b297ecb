import { describe, expect, it } from "vitest";
import { checkJsonShape, checkPathKeys } from "../../src/config/safe-input.js";

describe("safe input", () => {
  it("refuses __proto__, constructor and prototype in field paths", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      expect(() => checkPathKeys(["optimizer", key, "x"], "--set")).toThrow(new RegExp(`uses "${key}"`));
    }
    expect(() => checkPathKeys(["optimizer", "lr"], "--set")).not.toThrow();
  });

  it("refuses those keys inside parsed JSON, naming where", () => {
    const value = JSON.parse('{"model": {"hidden": [2], "x": [{"__proto__": {"polluted": 1}}]}}');
    expect(() => checkJsonShape(value, "config c.json")).toThrow(
      /config c\.json: the key "__proto__" \(at model\.x\[0\]\.__proto__\)/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses nesting 5,000 deep without overflowing the stack itself", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(() => checkJsonShape(deep, "sweep spec s.json")).toThrow(
      /sweep spec s\.json: nested more than 64 levels deep/,
    );
    expect(() => checkJsonShape({ a: [[1, 2], [3]], b: { c: null } }, "x")).not.toThrow();
  });
});
