import { describe, expect, it } from "vitest";
import { PRESETS } from "../../web/src/presets.js";
import {
  decodeState,
  encodeState,
  fromBase64Url,
  toBase64Url,
  URL_STATE_VERSION,
} from "../../web/src/state/url-state.js";

describe("URL state", () => {
  it("round-trips every preset config, unicode included", () => {
    for (const p of PRESETS) {
      const hash = encodeState(p.config);
      expect(hash.startsWith(`v=${URL_STATE_VERSION}&config=`)).toBe(true);
      expect(hash).toMatch(/^[A-Za-z0-9_=&-]+$/);
      expect(decodeState(`#${hash}`)).toEqual({ kind: "ok", config: p.config });
    }
    const odd = { name: "ε → ∞ “quotes” 🎉", seed: 1 };
    expect(decodeState(encodeState(odd))).toEqual({ kind: "ok", config: odd });
  });

  it("base64url has no padding and inverts exactly", () => {
    for (const s of ["", "a", "ab", "abc", "ÿ", "x".repeat(70000)])
      expect(fromBase64Url(toBase64Url(s))).toBe(s);
    expect(toBase64Url("??>")).toBe("Pz8-");
  });

  it("an empty fragment is empty", () => {
    expect(decodeState("")).toEqual({ kind: "empty" });
    expect(decodeState("#")).toEqual({ kind: "empty" });
  });

  it("a version mismatch says which versions and what to do", () => {
    const hash = encodeState({ seed: 1 }).replace("v=1", "v=2");
    const s = decodeState(hash);
    expect(s.kind).toBe("error");
    if (s.kind === "error") {
      expect(s.message).toContain("version 2");
      expect(s.message).toContain("reads version 1");
      expect(s.message).toContain("newer learndyn");
    }
    const old = decodeState(encodeState({}).replace("v=1", "v=0"));
    expect(old.kind === "error" && old.message).toContain("re-create the run");
  });

  it("damaged or incomplete links give clear errors", () => {
    expect(decodeState("v=1").kind).toBe("error");
    expect(decodeState(`config=${toBase64Url("{}")}`)).toMatchObject({ kind: "error" });
    const cut = encodeState({ name: "a long enough name", seed: 3 }).slice(0, -6);
    const s = decodeState(cut);
    expect(s.kind).toBe("error");
    if (s.kind === "error") expect(s.message).toMatch(/cut short/);
    expect(decodeState("v=1&config=a$b")).toMatchObject({ kind: "error" });
  });
});
