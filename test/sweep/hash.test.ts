import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash, hash64 } from "../../src/sweep/hash.js";

describe("hashes", () => {
  it("canonical JSON sorts keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
  it("content hash ignores key order and sees values", () => {
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
    expect(hash64("x")).toMatch(/^[0-9a-f]{16}$/);
  });
});
