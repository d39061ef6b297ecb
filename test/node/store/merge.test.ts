import { describe, expect, it } from "vitest";
import { mergeStores } from "../../../src/node/store/merge.js";
import { openStore } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { comparable, setup, tempPath } from "./helpers.js";

describe("mergeStores", () => {
  it("unions shard stores; overlapping runs are kept once", () => {
    const { storeSpec, run } = setup(smallSpec());
    const a = tempPath("a.db");
    const b = tempPath("b.db");
    const all = tempPath("all.db");
    const sa = openStore(a, storeSpec);
    const sb = openStore(b, storeSpec);
    for (const i of [0, 2, 4]) sa.writeRun(run(i, 0));
    for (const i of [1, 3, 4]) sb.writeRun(run(i, 0));
    sa.close();
    sb.close();
    const s = mergeStores([a, b], all);
    expect(s.total).toBe(5);
    expect(s.inputs.map((i) => i.added)).toEqual([3, 2]);
    expect(s.conflicts).toBe(0);
    const merged = openStore(all).runs();
    expect(merged.map((r) => r.pointIndex)).toEqual([0, 1, 2, 3, 4]);
    // merging again adds nothing
    expect(mergeStores([a, b], all).total).toBe(5);
    expect(comparable(openStore(all).runs())).toEqual(comparable(merged));
  });

  it("refuses stores of different specs and writes nothing", () => {
    const a = tempPath("a.db");
    const b = tempPath("b.db");
    openStore(a, setup(smallSpec()).storeSpec).close();
    openStore(b, setup(smallSpec({ seeds: 1 })).storeSpec).close();
    const out = tempPath("out.db");
    expect(() => mergeStores([a, b], out)).toThrow(/only shards of the same spec can be merged/);
    expect(() => openStore(out)).toThrow(/no such file/);
    expect(() => mergeStores([a], a)).toThrow(/also an input/);
  });
});
