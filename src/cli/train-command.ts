import { availableParallelism, totalmem } from "node:os";
import { Command, InvalidArgumentError, Option } from "commander";
import { DATA_KINDS } from "../data/registry.js";
import { oneClassWarning } from "../data/validate.js";
import { ACTIVATIONS } from "../engine/activation.js";
import type { Backend } from "../engine/backend.js";
import type { NativeBackend } from "../engine/backend-native.js";
import { BACKENDS, type BackendName, defaultBackendName } from "../engine/backends.js";
import { LAYER_INIT_SCHEMES } from "../engine/init.js";
import { LOSSES } from "../engine/loss.js";
import { exportWeights } from "../engine/mlp.js";
import { OPTIMIZERS } from "../engine/optimizer.js";
import { formatCompact as fmt } from "../math/format.js";
import { errnoInWords } from "../node/errno-words.js";
import { loadConfig, loadData } from "../node/load-config.js";
import { useNodeThreads } from "../node/threads.js";
import { PROBES } from "../probes/registry.js";
import { regimeLines } from "../regime/check.js";
import { trainerRegime } from "../regime/trainer-regime.js";
import { checkRunMemory } from "../sweep/run-memory.js";
import { historyToCsv } from "../train/history.js";
import { createTrainer } from "../train/trainer.js";
import { timestamp } from "./output.js";
import { createProgress } from "./progress.js";
import { claimRunFolder, type RunFolder } from "./run-folder.js";

interface TrainFlags {
  config?: string;
  set: string[];
  out?: string;
  force?: boolean;
  json?: boolean;
  quiet?: boolean;
  steps?: number;
  lr?: number;
  seed?: number;
  data?: string;
  hidden?: string;
  activation?: string;
  loss?: string;
  optimizer?: string;
  init?: string;
  scale?: number;
  backend?: BackendName;
  threads?: number;
}

// Help columns as wide as the longest name (a fixed width left "normalized-margin" jammed against its text).
const kindWidth = Math.max("file".length, ...DATA_KINDS.map((k) => k.kind.length));
const probeWidth = Math.max(...PROBES.map((p) => p.name.length));

const EXAMPLES = `
Examples:
  learndyn train                                   # default run: 4 orthogonal points, 1 hidden layer of 16 ReLUs
  learndyn train --config run.json --out runs/a    # a run described in JSON (see \`learndyn schema\`)
  learndyn train --data moons --hidden 100,100 --optimizer sgd --lr 0.05 --steps 5000
  learndyn train --data features --set data.features='[{"name":"A","norm":1,"frequency":1},{"name":"B","norm":1,"frequency":0.2}]'
  learndyn train --set init.scheme=diagonal --set init.scale=0.01 --set probes.schedule='{"kind":"log","perDecade":20}'
  learndyn train --data file --set data.path=points.csv --json

A run's config JSON holds: seed, data, model, init, loss, optimizer, regularization, train, probes.
Every field has a default; flags below are shortcuts for --set field=value.

Data kinds:
${DATA_KINDS.map((k) => `  ${k.kind.padEnd(kindWidth)} ${k.description}`).join("\n")}
  ${"file".padEnd(kindWidth)} a CSV (header row, label column y or label) or JSON ({x, y}) file: --set data.path=FILE

Probes (--set probes.include='["margins"]'):
${PROBES.map((p) => `  ${p.name.padEnd(probeWidth)} ${p.description}`).join("\n")}

Time: with loss.reduction "sum" (default) and full-batch gd, gradient-flow time is t = lr × steps,
the time of the theory. "mean" divides the gradient by n.

Output (in --out, default runs/train-<timestamp>): config.json (the complete config, rerunnable),
history.json, history.csv, weights.json (final weights, usable as init.file), summary.json. The files
appear together when the run ends; Ctrl-C stops the run and keeps no folder.
Regime: the summary (and summary.json's "regime") says whether the theory's assumptions held on this run,
each with its measured quantity: the optimizer, η·‖x‖ against the flow bound 1, η·λ_max against 1,
the init scale, orthogonal inputs, ReLU units, a diagonal first layer, off-diagonal growth, mode fates.
Exit status: 0 done, 3 diverged, 2 invalid input, 1 other error, 130 interrupted.`;

export function trainCommand(): Command {
  return new Command("train")
    .description("train one network and record its learning dynamics")
    .option("-c, --config <file>", "run config JSON file")
    .option(
      "-s, --set <field=value>",
      "override a config field (repeatable), value parsed as JSON",
      collect,
      [],
    )
    .option(
      "-o, --out <dir>",
      "output directory, refused if it exists (default runs/train-<timestamp>, with -2, -3, … if taken)",
    )
    .option("--force", "replace an existing --out folder (its old files are removed)")
    .option("--steps <n>", "optimizer steps (train.steps)", parseNumber)
    .option("--lr <rate>", "learning rate (optimizer.lr)", parseNumber)
    .option("--seed <n>", "random seed", parseNumber)
    .addOption(
      new Option("--data <kind>", "data set kind").choices([...DATA_KINDS.map((k) => k.kind), "file"]),
    )
    .option("--hidden <widths>", "hidden layer widths, e.g. 100 or 64,64 (empty string: linear model)")
    .addOption(new Option("--activation <name>", "hidden activation").choices([...ACTIVATIONS]))
    .addOption(new Option("--loss <name>", "loss").choices([...LOSSES]))
    .addOption(new Option("--optimizer <name>", "optimizer").choices([...OPTIMIZERS]))
    .addOption(new Option("--init <scheme>", "weight initialization").choices([...LAYER_INIT_SCHEMES]))
    .option("--scale <eps>", "init scale ε (init.scale)", parseNumber)
    .addOption(
      new Option(
        "--backend <name>",
        `kernel backend, not part of the config: js and wasm give the same bits; native (the optional C++ addon, ` +
          `when built) is faster but not bit-identical (fused multiply-adds, ~1e-16 relative per product) ` +
          `(default ${defaultBackendName()}, the fastest exact one)`,
      ).choices([...BACKENDS]),
    )
    .option(
      "--threads <n>",
      `threads for the wasm or native backend's large products (default ${availableParallelism()}, the cores here); same bits for any n`,
      (v) => parseThreads(v),
    )
    .option("--json", "print a JSON summary on stdout (no progress bar)")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText("after", EXAMPLES)
    .action(async (flags: TrainFlags) => {
      process.exitCode = await runTrainCommand(flags);
    });
}

function backendLabel(b: Backend): string {
  const addon = (b as Partial<NativeBackend>).addon;
  return addon ? `${b.name} (${addon.isa()})` : b.name;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`--threads: expected an integer from 1 to 64, got "${value}"`);
  return n;
}

/** A decimal number (2, 0.5, 1e-3); hex, binary, "Infinity" and blanks are refused. */
function parseNumber(value: string): number {
  const n = Number(value);
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a decimal number (e.g. 100, 0.05, 1e-3), got "${value}"`);
  return n;
}

function parseFlagNumber(flag: string, value: string): number {
  try {
    return parseNumber(value);
  } catch (e) {
    throw new Error(`${flag}: ${(e as Error).message}`);
  }
}

async function runTrainCommand(flags: TrainFlags): Promise<number> {
  const shortcut: Record<string, unknown> = {
    "train.steps": flags.steps,
    "optimizer.lr": flags.lr,
    seed: flags.seed,
    "model.activation": flags.activation,
    "loss.kind": flags.loss,
    "optimizer.kind": flags.optimizer,
    "init.scheme": flags.init,
    "init.scale": flags.scale,
  };
  if (flags.hidden !== undefined) {
    shortcut["model.hidden"] =
      flags.hidden.trim() === "" ? [] : flags.hidden.split(",").map((w) => parseFlagNumber("--hidden", w));
  }
  const sets = [...flags.set];
  if (flags.data !== undefined) sets.unshift(`data={"kind":"${flags.data}"}`);
  const loaded = loadConfig(flags.config, sets, shortcut);
  const { config } = loaded;
  const data = loadData(loaded);
  const points = Object.values(data.tests).reduce((n, set) => n + set.n, data.train.n);
  checkRunMemory(config, { n: points, d: data.train.d }, totalmem());
  const oneClass = oneClassWarning(data.train);
  if (oneClass && !flags.quiet) process.stderr.write(`learndyn: warning: ${oneClass}\n`);
  // Ctrl-C stops the run between slices; the folder is removed (a half run is not a result). A second
  // Ctrl-C kills at once. Listening starts before the folder exists: a Ctrl-C just after it appears would
  // otherwise meet the default handler and leave the folder behind (seen on a loaded CI machine).
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
  };
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onInterrupt);
  try {
    const out = claimRunFolder(flags.out ?? `runs/train-${timestamp()}`, {
      force: flags.force,
      suffix: flags.out === undefined,
    });
    try {
      return await trainInto(out, flags, config, data, () => interrupted);
    } catch (e) {
      out.abandon();
      throw e;
    }
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
  }
}

async function trainInto(
  out: RunFolder,
  flags: TrainFlags,
  config: ReturnType<typeof loadConfig>["config"],
  data: ReturnType<typeof loadData>,
  interrupted: () => boolean,
): Promise<number> {
  const showProgress = !flags.json && !flags.quiet;
  const progress = showProgress ? createProgress(config.train.steps) : null;
  useNodeThreads(flags.threads ?? availableParallelism());
  const trainer = createTrainer(config, data, { backend: flags.backend });
  const started = performance.now();
  // Advance in slices of ~100 ms so the progress bar redraws and Ctrl-C stays responsive.
  while (trainer.status === "running" && !interrupted()) {
    trainer.advanceFor(100);
    const last = trainer.history[trainer.history.length - 1];
    progress?.update(trainer.step, last?.loss ?? Number.NaN, last?.error ?? Number.NaN);
    await new Promise((r) => setImmediate(r));
  }
  progress?.stop();
  trainer.dispose();
  if (interrupted()) {
    out.abandon();
    process.stderr.write(
      `learndyn: interrupted at step ${trainer.step} of ${config.train.steps}; nothing was kept (${out.dir} removed)\n`,
    );
    return 130;
  }
  const seconds = (performance.now() - started) / 1000;
  const final = trainer.history[trainer.history.length - 1];
  // Whether the theory's assumptions held (src/regime): measured after the clock stops.
  const regime = trainerRegime(trainer);
  const summary = {
    status: trainer.status,
    stopReason: trainer.stopReason,
    steps: trainer.step,
    t: final.t,
    loss: final.loss,
    error: final.error,
    seconds,
    data: { name: data.train.name, n: data.train.n, d: data.train.d },
    parameters: trainer.mlp.size,
    threads: flags.threads ?? availableParallelism(),
    // The backend that ran ("wasm" when --backend native fell back), with the native kernel's instruction set.
    backend: backendLabel(trainer.backend),
    out: out.dir,
    regime,
  };
  try {
    out.write("config.json", `${JSON.stringify(config, null, 2)}\n`);
    out.write("history.json", `${JSON.stringify(trainer.history)}\n`);
    out.write("history.csv", historyToCsv(trainer.history));
    out.write("weights.json", `${JSON.stringify({ weights: exportWeights(trainer.mlp) })}\n`);
    out.write("summary.json", `${JSON.stringify(summary, null, 2)}\n`);
    out.commit();
  } catch (e) {
    throw new Error(
      `cannot write the run into ${out.dir}: ${errnoInWords(e)}; nothing was kept (free space or choose another --out, then run again)`,
    );
  }
  if (flags.json && !flags.quiet) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else if (!flags.quiet) {
    const why = trainer.stopReason ? ` (${trainer.stopReason})` : "";
    process.stdout.write(
      `${trainer.status}${why}: ${trainer.step} steps in ${fmt(seconds, 3)} s on ${data.train.name} (n=${data.train.n}, d=${data.train.d}); ` +
        `loss ${fmt(final.loss)}, error ${fmt(final.error)}\n${regimeLines(regime).join("\n")}\n` +
        `wrote ${out.dir}/{config,history,weights,summary}.json, history.csv\n`,
    );
  }
  return trainer.status === "diverged" ? 3 : 0;
}
