import { describe, expect, it } from "vitest";
import {
  defaultDataSpec,
  getAt,
  parseNumberList,
  parseNumberText,
  problemsAt,
  setAt,
  validateConfig,
} from "../../web/src/state/config-edit.js";

describe("config editing", () => {
  it("setAt copies along the path and leaves the input alone", () => {
    const a = { optimizer: { lr: 0.1, kind: "gd" }, model: { hidden: [4] } };
    const b = setAt(a, ["optimizer", "lr"], 0.5);
    expect(b.optimizer.lr).toBe(0.5);
    expect(a.optimizer.lr).toBe(0.1);
    expect(b.model).toBe(a.model);
    const c = setAt(a, ["data", "features", 0, "norm"], 2);
    expect(getAt(c, ["data", "features", 0, "norm"])).toBe(2);
    expect(Array.isArray(getAt(c, ["data", "features"]))).toBe(true);
    const d = setAt(b, ["optimizer", "lr"], undefined);
    expect("lr" in d.optimizer).toBe(false);
  });

  it("keeps text that is not a number, so validation can say so", () => {
    expect(parseNumberText("0.5")).toBe(0.5);
    expect(parseNumberText("1e-3")).toBe(0.001);
    expect(parseNumberText("abc")).toBe("abc");
    expect(parseNumberText("Infinity")).toBe("Infinity");
    expect(parseNumberList("1, 2  4,x")).toEqual([1, 2, 4, "x"]);
  });

  it("puts each schema problem at its field", () => {
    const v = validateConfig({ optimizer: { lr: -1 }, model: { hidden: [4, "x"] } });
    expect(v.config).toBeNull();
    expect(problemsAt(v, ["optimizer", "lr"])[0]).toMatch(/^optimizer\.lr: /);
    expect(problemsAt(v, ["model", "hidden"])[0]).toMatch(/^model\.hidden\.1: /);
    expect(problemsAt(v, ["data"])).toEqual([]);
    const ok = validateConfig({ optimizer: { lr: 0.1 } });
    expect(ok.config?.optimizer.lr).toBe(0.1);
    expect(ok.messages).toEqual([]);
  });

  it("switching the data kind gives that kind's defaults", () => {
    expect(defaultDataSpec("moons")).toMatchObject({ kind: "moons", n: 300 });
    expect(validateConfig({ data: defaultDataSpec("features") }).config).not.toBeNull();
    expect(validateConfig({ data: defaultDataSpec("inline") }).config).not.toBeNull();
  });
});
