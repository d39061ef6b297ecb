import { describe, expect, it } from "vitest";
import { readAdaptiveCells, writeAdaptiveCells } from "../../../src/node/store/adaptive-cells.js";
import { openStore } from "../../../src/node/store/store.js";
import type { AdaptiveCell } from "../../../src/sweep/adaptive.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

const cells: AdaptiveCell[] = [
  { lo: [0, 0], size: 4, level: 0, refined: true, reason: "corners-differ" },
  { lo: [4, 0], size: 4, level: 0, refined: false, reason: "uniform" },
  { lo: [2, 2], size: 2, level: 1, refined: false, reason: "at-resolution" },
];

describe("adaptive cells in a store", () => {
  it("are recorded once, read back in order, and survive reopening; a store without them reads []", () => {
    const path = tempPath("cells.db");
    const { storeSpec } = setup(smallSpec());
    const store = openStore(path, storeSpec);
    try {
      expect(readAdaptiveCells(store.db)).toEqual([]);
      writeAdaptiveCells(store.db, cells.slice(0, 2));
      // A resumed refinement writes a level again: recorded cells stay as they are, new ones are added.
      writeAdaptiveCells(store.db, [
        { ...cells[1], reason: "corners-differ" } as AdaptiveCell,
        cells[2] as AdaptiveCell,
      ]);
    } finally {
      store.close();
    }
    const again = openStore(path);
    try {
      expect(readAdaptiveCells(again.db)).toEqual(cells);
    } finally {
      again.close();
    }
  });
});
