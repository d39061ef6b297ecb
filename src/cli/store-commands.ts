import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import { writeStoreReport } from "../node/report/sweep-report.js";
import { mergeStores } from "../node/store/merge.js";
import { tableToParquet } from "../node/store/parquet.js";
import { openStore, type SweepStore } from "../node/store/store.js";
import { historyTable, runTable, storeSweepSpec, tableToCsv } from "../node/store/table.js";
import { writeFileWhole } from "./output.js";

/** `learndyn merge a.db b.db … -o all.db` */
export function mergeCommand(): Command {
  return new Command("merge")
    .description("merge shard stores of one sweep into one store (refuses stores of different specs)")
    .argument("<stores...>", "store files to merge")
    .requiredOption("-o, --out <file>", "output store (created, or completed if it holds the same spec)")
    .option("--json", "print a JSON summary")
    .option("-q, --quiet", "print nothing but errors (not even --json's summary)")
    .action((stores: string[], flags: { out: string; json?: boolean; quiet?: boolean }) => {
      mkdirSync(dirname(resolve(flags.out)), { recursive: true });
      const s = mergeStores(stores, flags.out);
      if (flags.quiet) return;
      if (flags.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      else {
        for (const i of s.inputs) {
          const lost = i.unreadable === undefined ? "" : ` (damaged: ${i.unreadable} runs could not be read)`;
          process.stdout.write(`${i.path}: ${i.runs} runs, ${i.added} added${lost}\n`);
        }
        process.stdout.write(
          `${s.output}: ${s.total} runs of sweep "${s.name}"${s.conflicts ? `; ${s.conflicts} runs differed between inputs (first kept)` : ""}\n`,
        );
      }
    });
}

interface ExportFlags {
  format: "csv" | "parquet";
  table: "runs" | "history";
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `learndyn export runs.db [--table runs|history] [--format csv|parquet] [-o file] [--json] [-q]` */
export function exportCommand(): Command {
  return new Command("export")
    .description(
      "export a sweep store as a table: one row per run (axis values, seed, status, scalars), or the kept histories in long format (run, step, t, metric, value)",
    )
    .argument("<store>", "store file")
    .addOption(
      new Option(
        "-t, --table <table>",
        "runs: one row per run; history: the kept histories, one row per value",
      )
        .choices(["runs", "history"])
        .default("runs"),
    )
    .addOption(
      new Option("-f, --format <format>", "csv or parquet").choices(["csv", "parquet"]).default("csv"),
    )
    .option(
      "-o, --out <file>",
      "output file (default: stdout for csv, <store>.parquet or <store>.history.parquet for parquet)",
    )
    .option("--json", "print a JSON summary (file, table, format, rows, columns); needs -o for csv")
    .option("-q, --quiet", "print nothing but errors (not even --json's summary)")
    .addHelpText(
      "after",
      `
The run table's "run" column numbers the runs from 0; the history table's "run" refers to it. Numbers are
written in shortest round-trip form (NaN, inf, -inf as pandas reads them).

Examples:
  learndyn export runs/failure.db > runs.csv
  learndyn export runs/failure.db --table history --format parquet -o history.parquet
  python3 -c "import pandas as pd; print(pd.read_parquet('history.parquet').pivot_table(index=['run','step'], columns='metric', values='value'))"`,
    )
    .action((storePath: string, flags: ExportFlags) => {
      const summary = exportStore(storePath, flags);
      if (flags.quiet) return;
      if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else if (summary.out) {
        process.stderr.write(
          `wrote ${summary.out}: ${summary.rows} rows × ${summary.columns.length} columns (${summary.table})\n`,
        );
      }
    });
}

/** Says on stderr what a damaged store's readers could salvage (nothing for a sound store). */
function noteDamage(store: SweepStore, read: number, verb: string): void {
  if (store.damage.length === 0) return;
  process.stderr.write(
    `learndyn: ${store.path} is damaged (PRAGMA quick_check: ${store.damage[0]}); ${verb} the ${read} runs that could be read, ${store.unreadable} could not be read\n`,
  );
}

/** What `export` wrote. */
export interface ExportSummary {
  /** The file written; absent when the CSV went to stdout. */
  out?: string;
  table: "runs" | "history";
  format: "csv" | "parquet";
  rows: number;
  columns: string[];
}

/** Writes the run table or the history table of a store; refuses a history export of a store that kept none. */
export function exportStore(storePath: string, flags: ExportFlags): ExportSummary {
  if (flags.json && !flags.quiet && flags.format === "csv" && !flags.out) {
    throw new Error("export --json prints its summary on stdout: give the CSV a file with -o FILE");
  }
  const store = openStore(storePath);
  let table: ReturnType<typeof runTable>;
  try {
    const spec = storeSweepSpec(store);
    const runs = store.runs();
    noteDamage(store, runs.length, "exported");
    if (flags.table === "history") {
      if (spec.keep.history === false) {
        throw new Error(
          `export --table history: the store ${storePath} kept no history (its spec has keep.history false); run the sweep with "keep": { "history": { "points": 100 } } to keep one`,
        );
      }
      table = historyTable(runs);
    } else table = runTable(spec, runs);
  } finally {
    store.close();
  }
  const base = {
    table: flags.table,
    format: flags.format,
    rows: table.rows,
    columns: table.columns.map((c) => c.name),
  };
  if (flags.format === "csv") {
    const csv = tableToCsv(table);
    if (!flags.out) {
      process.stdout.write(csv);
      return base;
    }
    writeFileWhole(flags.out, csv);
    return { out: flags.out, ...base };
  }
  const suffix = flags.table === "history" ? ".history.parquet" : ".parquet";
  const out = flags.out ?? storePath.replace(/\.db$/, "").concat(suffix);
  writeFileWhole(out, tableToParquet(table));
  return { out, ...base };
}

/** `learndyn report --store runs.db [--out DIR]`: the sweep's figures in one HTML page. */
export function storeReportCommand(): Command {
  return new Command("report")
    .description("HTML report of a sweep store: phase diagrams, scaling plots with fitted slopes, seed bands")
    .requiredOption("--store <file>", "sweep store")
    .option("-o, --out <dir>", "output folder (default report/<sweep name>)")
    .option("--no-png", "skip PNG files")
    .option("--json", "print a JSON summary (index, figures)")
    .option("-q, --quiet", "print nothing but errors (not even --json's summary)")
    .action(async (flags: { store: string; out?: string; png: boolean; json?: boolean; quiet?: boolean }) => {
      const written = await writeStoreReport(flags.store, flags.out, flags.png, (store, read) =>
        noteDamage(store, read, "reported"),
      );
      if (flags.quiet) return;
      if (flags.json) process.stdout.write(`${JSON.stringify(written)}\n`);
      else process.stdout.write(`wrote ${written.index} (${written.figures} figures)\n`);
    });
}
