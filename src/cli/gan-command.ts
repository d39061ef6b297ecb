/**
 * `learndyn gan`: one GAN run from a JSON config (src/gan/config.ts), the same run the lab's GAN tab trains
 * and whose config and command it exports. Writes config.json, history.json, history.csv and summary.json.
 */
import { Command } from "commander";
import { type GanConfig, parseGanConfig } from "../gan/config.js";
import { ganHistoryCsv } from "../gan/history-csv.js";
import { createGanRun } from "../gan/train.js";
import { formatCompact as fmt } from "../math/format.js";
import { applyOverrides, readJsonFile } from "../node/load-config.js";
import { outputDir, timestamp } from "./output.js";

interface GanFlags {
  config?: string;
  set: string[];
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

export function ganCommand(): Command {
  return new Command("gan")
    .description(
      "train one GAN on a 2-D Gaussian mixture (the lab's GAN tab; `reproduce gan` runs the bench)",
    )
    .option("-c, --config <file>", "GAN config JSON (default: every default)")
    .option(
      "-s, --set <field=value>",
      "override a config field (repeatable), value parsed as JSON",
      collect,
      [],
    )
    .option("-o, --out <dir>", "output directory (default runs/gan-<timestamp>)")
    .option("--json", "print a JSON summary on stdout")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText(
      "after",
      "\nExample:\n  learndyn gan --set data=grid --set loss=minimax --set seed=3 --set iterations=4000\n",
    )
    .action((flags: GanFlags) => {
      process.exitCode = runGanCommand(flags);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function runGanCommand(flags: GanFlags): number {
  const raw = (flags.config ? readJsonFile(flags.config, "GAN config") : {}) as Record<string, unknown>;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new Error(`GAN config ${flags.config} must hold a JSON object ({ "data": "ring", … })`);
  applyOverrides(raw, flags.set);
  const config: GanConfig = parseGanConfig(raw);
  const out = outputDir(flags.out ?? `runs/gan-${timestamp()}`);
  const started = performance.now();
  const run = createGanRun(config);
  run.run();
  const last = run.history[run.history.length - 1];
  const summary = {
    status: run.status === "diverged" ? "diverged" : "done",
    iterations: run.iteration,
    modesCaptured: last.modesCaptured,
    modes: run.mixture.means.length / 2,
    highQuality: last.highQuality,
    kl: last.kl,
    seconds: (performance.now() - started) / 1000,
    out: out.dir,
  };
  out.write("config.json", `${JSON.stringify(config, null, 2)}\n`);
  out.write("history.json", `${JSON.stringify(run.history)}\n`);
  out.write("history.csv", ganHistoryCsv(run.history));
  out.write("summary.json", `${JSON.stringify(summary, null, 2)}\n`);
  if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else if (!flags.quiet)
    process.stdout.write(
      `${summary.status}: ${run.iteration} generator updates in ${fmt(summary.seconds, 3)} s; modes captured ${summary.modesCaptured}/${summary.modes}, high-quality ${fmt(summary.highQuality)}\nwrote ${out.dir}/{config,history,summary}.json, history.csv\n`,
    );
  return run.status === "diverged" ? 3 : 0;
}
