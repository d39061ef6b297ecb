import { describe, expect, it } from "vitest";
import { readParquetRows, tableToParquet } from "../../src/store/parquet.js";
import { openStore } from "../../src/store/store.js";
import { runTable, storeSweepSpec, tableToCsv } from "../../src/store/table.js";
import { smallSpec } from "../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

function filledStore() {
  const { storeSpec, run } = setup(smallSpec());
  const store = openStore(tempPath("t.db"), storeSpec);
  store.writeRun(run(0, 0));
  store.writeRun(run(0, 1));
  store.writeRun(run(6, 0));
  store.writeRun({ ...run(7, 0), status: "failed", error: 'bad "thing", here', scalars: {} });
  return store;
}

describe("export", () => {
  it("CSV: one row per run with axis values, seed index, status and scalars", () => {
    const store = filledStore();
    const table = runTable(storeSweepSpec(store), store.runs());
    const csv = tableToCsv(table).trim().split("\n");
    expect(csv[0]).toBe(
      "point_index,optimizer.lr,scale,seed_index,seed,status,steps,loss,error,marginMin,steps_2,stop_reason,error_message,seconds",
    );
    expect(csv).toHaveLength(5);
    const row = (i: number) => csv[i].split(",");
    expect(row(1).slice(0, 4)).toEqual(["0", "0.05", "0.01", "0"]);
    expect(row(2).slice(0, 4)).toEqual(["0", "0.05", "0.01", "1"]);
    expect(row(1)[5]).toBe("done");
    expect(Number(row(1)[7])).toBe(store.runs()[0].scalars.loss);
    expect(row(3).slice(1, 3)).toEqual(["100000", "0.01"]);
    expect(row(3)[5]).toBe("diverged");
    expect(csv[4]).toContain("failed");
    expect(csv[4]).toContain('"bad ""thing"", here"');
    store.close();
  });

  it("Parquet: reads back the same rows", async () => {
    const store = filledStore();
    const table = runTable(storeSweepSpec(store), store.runs());
    const rows = await readParquetRows(tableToParquet(table));
    expect(rows).toHaveLength(4);
    table.columns.forEach((c) => {
      rows.forEach((r, i) => {
        const v = c.values[i];
        if (typeof v === "number" && Number.isNaN(v)) expect(Number.isNaN(r[c.name] as number)).toBe(true);
        else expect(r[c.name]).toEqual(v);
      });
    });
    store.close();
  });
});
