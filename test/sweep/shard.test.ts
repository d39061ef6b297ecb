import { describe, expect, it } from "vitest";
import { formatShard, inShard, parseShard } from "../../src/sweep/shard.js";

describe("shards", () => {
  it("parses i/N and refuses bad forms", () => {
    expect(parseShard("3/16")).toEqual({ index: 3, count: 16 });
    expect(() => parseShard("16/16")).toThrow(/must be < N = 16/);
    expect(() => parseShard("1/0")).toThrow(/≥ 1/);
    expect(() => parseShard("a/b")).toThrow(/expected i\/N/);
  });
  it("puts every point in exactly one shard", () => {
    for (let i = 0; i < 50; i++) {
      const owners = [0, 1, 2, 3].filter((s) => inShard(i, { index: s, count: 4 }));
      expect(owners).toHaveLength(1);
    }
    expect(inShard(7, undefined)).toBe(true);
    expect(formatShard({ index: 1, count: 4 })).toBe("1/4");
  });
});
