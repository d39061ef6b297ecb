import { describe, expect, it } from "vitest";
import { readParquetRows, tableToParquet } from "../../../src/node/store/parquet.js";
import { openStore } from "../../../src/node/store/store.js";
import { historyTable, runTable, storeSweepSpec, tableToCsv } from "../../../src/node/store/table.js";
import { parseSweepSpec } from "../../../src/sweep/spec.js";
import { smallSpec } from "../../sweep/fixtures.js";
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
      "run,point_index,optimizer.lr,scale,seed_index,seed,status,steps,loss,error,marginMin,regime,stop_reason,error_message,seconds",
    );
    const names = table.columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    // The regime meter's verdict per run; a failed run has none.
    const regime = table.columns.find((c) => c.name === "regime")?.values ?? [];
    expect(regime[0]).toMatch(/^(holds|breaks: [a-zA-Z]+(, [a-zA-Z]+)*)$/);
    expect(regime[3]).toBeNull();
    expect(csv).toHaveLength(5);
    const row = (i: number) => csv[i].split(",").slice(1);
    expect(csv.slice(1).map((l) => l.split(",")[0])).toEqual(["0", "1", "2", "3"]);
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

describe("history export", () => {
  it("long format: run, step, t, metric, value for every kept record, keyed like the run table", async () => {
    const store = filledStore();
    const runs = store.runs();
    const table = historyTable(runs);
    expect(table.columns.map((c) => c.name)).toEqual(["run", "step", "t", "metric", "value"]);
    const col = (n: string) => table.columns.find((c) => c.name === n)!.values;
    // Run 1 (point 0, seed 1): 3 kept records, each with loss, error, marginMin, marginMean (+ arrays dropped).
    const h = runs[1].history!;
    const rows1 = col("run").flatMap((r, i) => (r === 1 ? [i] : []));
    expect(rows1.length).toBe(h.reduce((n, rec) => n + Object.keys(rec).length - 2, 0));
    const lossAt = rows1.filter((i) => col("metric")[i] === "loss").map((i) => col("value")[i]);
    expect(lossAt).toEqual(h.map((rec) => rec.loss));
    expect(rows1.map((i) => col("step")[i])).toContain(h[h.length - 1].step);
    // A run without a kept history gives no rows.
    expect(historyTable([{ ...runs[0], history: null }]).rows).toBe(0);
    const csv = tableToCsv(table).split("\n");
    expect(csv[0]).toBe("run,step,t,metric,value");
    expect(csv[1]).toMatch(/^0,0,0,loss,[0-9.e-]+$/);
    const back = await readParquetRows(tableToParquet(table));
    expect(back).toHaveLength(table.rows);
    expect(back[5]).toEqual({
      run: col("run")[5],
      step: col("step")[5],
      t: col("t")[5],
      metric: col("metric")[5],
      value: col("value")[5],
    });
    store.close();
  });

  it("renames an axis or scalar that takes a fixed column's name instead of repeating it", () => {
    const spec = parseSweepSpec(
      smallSpec({
        axes: [{ name: "status", field: "optimizer.lr", values: [0.1] }],
        keep: { scalars: ["seconds"] },
      }),
    );
    const names = runTable(spec, []).columns.map((c) => c.name);
    expect(names).toContain("status_axis");
    expect(names).toContain("seconds_final");
    expect(new Set(names).size).toBe(names.length);
  });
});
