import { describe, expect, it } from "vitest";
import { decodeRun, RUN_COLUMNS, runRow } from "../../../src/node/store/run-rows.js";
import { checkedRun } from "../../../src/node/store/salvage.js";
import type { Row } from "../../../src/node/store/sqlite-file.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup } from "./helpers.js";

describe("run rows", () => {
  it("a finished run becomes a row of RUN_COLUMNS and decodes back; checkedRun refuses a mistyped column", () => {
    const r = setup(smallSpec()).run(1, 1);
    const cells = runRow(r);
    expect(cells).toHaveLength(RUN_COLUMNS.length);
    const row: Row = Object.fromEntries(RUN_COLUMNS.map((c, i) => [c, cells[i]]));
    const run = decodeRun(row);
    expect(run).toMatchObject({
      pointIndex: 1,
      seedIndex: 1,
      seed: r.seed,
      status: r.status,
      steps: r.steps,
    });
    expect(run.scalars).toEqual(r.scalars);
    expect(checkedRun(row)).toEqual(run);
    expect(() => checkedRun({ ...row, steps: "60" })).toThrow(/wrong type/);
    expect(() => checkedRun({ ...row, status: "garbage" })).toThrow(/wrong type/);
    expect(() => checkedRun({ ...row, scalars: "{not json" })).toThrow();
  });
});
