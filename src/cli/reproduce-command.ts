import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { Piscina } from "piscina";
import {
  type Check,
  type Experiment,
  type ExperimentResult,
  isUnexpectedFailure,
  type Scale,
  verdict,
} from "../experiments/experiment.js";
import { EXPERIMENTS, EXTRA_EXPERIMENTS, selectExperiments } from "../experiments/registry.js";
import { formatCompact as fmt } from "../math/format.js";
import { showValue, writeExperimentReport } from "../node/report/experiment-report.js";
import { isClaimPath, loadClaimFile } from "./claim-file.js";

/** Exit status of `--strict` (`--strict-findings`) when a check fails. */
const EXIT_STRICT_FAIL = 4;
/** Exit status when an experiment threw (a tool error): its row says why; the report is still written. */
const EXIT_TOOL_ERROR = 5;

interface ReproduceFlags {
  out: string;
  full?: boolean;
  seed: number;
  workers?: number;
  png: boolean;
  json?: boolean;
  quiet?: boolean;
  strict?: boolean;
  strictFindings?: boolean;
  all?: boolean;
}

/** --scale names: the claims' default/full, and quick/paper for the real-data studies (same sizes). */
const SCALE_ALIASES: Record<string, Scale> = {
  default: "default",
  quick: "default",
  full: "full",
  paper: "full",
};

const HELP = `
Runs one experiment per claim of "On the Learning Dynamics of Deep Neural Networks" (Tachet des Combes
et al. 2018), each putting simulation and closed-form theory side by side, and writes a report:

  DIR/report.html     one self-contained page: summary table, per-claim text, figures (opens offline)
  DIR/figures/        every figure as SVG, PNG, Vega-Lite spec (.vl.json), and its data (JSON, CSV)
  DIR/results.json    every check (prediction, predicted, measured, tolerance, pass) and the configs run
  DIR/checks.csv      the checks as a table

Claims: ${EXPERIMENTS.map((e) => `${e.id} (${e.title})`).join(", ") || "(none registered)"}.
Extra studies, run only when named or with --all: ${EXTRA_EXPERIMENTS.map((e) => `${e.id} (${e.title})`).join(", ")}.
Long runs (starvation-cmnist --scale paper) checkpoint under DIR/checkpoints: run the same command again
to continue where a killed run stopped.
Experiments run in parallel on worker threads (default: all cores). The default scale finishes in a few
minutes on 2 cores; --full runs the paper-grade sizes.

Your own claims: pass the path of a claim file (an ES module, .js or .mjs, whose default export is made by
defineClaim; see the README), e.g. \`learndyn reproduce ./my-claim.js\` or \`learndyn reproduce c4 ./my-claim.js\`.
It runs in the same worker pool and gets the same checks table, figures and report as the built-in claims.

Exit status: 0; with --strict, 4 if a check fails that is not a known finding (a finding is a prediction
that measurably does not hold, explained with numbers in the report); with --strict-findings, 4 if any
check fails; 5 when an experiment threw (a tool error: its row shows the message, the other experiments
still run, and the report and --json are still written); 2 for bad arguments (an unknown experiment, a
claim file that is missing or malformed).

Examples:
  learndyn reproduce                     # all claims, default scale, report in ./report
  learndyn reproduce c4 c6 --out /tmp/r  # two claims
  learndyn reproduce --full --seed 3
  learndyn reproduce starvation-moons
  learndyn reproduce starvation-cmnist --scale paper --out runs/cmnist   # days on a CPU; resumable
  learndyn reproduce ./my-claim.js       # a claim of your own`;

export function reproduceCommand(): Command {
  return new Command("reproduce")
    .description("reproduce the paper's claims: simulation vs theory, verdicts, and an HTML report")
    .argument("[claims...]", "experiments to run (c1 … c7, or paths of claim files; default all)")
    .option("-o, --out <dir>", "report directory", "report")
    .option("--full", "paper-grade scale (slower); same as --scale full")
    .addOption(
      new Option("--scale <scale>", "default | full, or quick | paper (their aliases)").choices(
        Object.keys(SCALE_ALIASES),
      ),
    )
    .option("--all", `also run the extra studies (${EXTRA_EXPERIMENTS.map((e) => e.id).join(", ")})`)
    .option("--seed <n>", "master seed", (v) => parseIntStrict(v, "--seed"), 0)
    .option("-w, --workers <n>", "worker threads (default: all cores)", (v) => parseIntStrict(v, "--workers"))
    .option("--no-png", "skip PNG files (SVG only)")
    .option(
      "--strict",
      `exit with status ${EXIT_STRICT_FAIL} when a check fails that is not a known finding (for CI)`,
    )
    .option(
      "--strict-findings",
      `exit with status ${EXIT_STRICT_FAIL} when any check fails, known findings included`,
    )
    .option("--json", "print the results as JSON on stdout")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText("after", HELP)
    .action(async (claims: string[], flags: ReproduceFlags & { scale?: string }) => {
      process.exitCode = await runReproduce(claims, flags);
    });
}

function parseIntStrict(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} expects a non-negative integer, got "${v}"`);
  return n;
}

/** One experiment to run: a built-in one (by id) or a user's claim file. */
interface Job {
  id: string;
  claim: string;
  title: string;
  /** Absolute path of the claim file, for claims loaded from a file. */
  file?: string;
}

/** The jobs named on the command line, in order: built-in ids and claim files (`./my-claim.js`). */
async function selectJobs(args: string[], all?: boolean): Promise<Job[]> {
  const jobOf = ({ id, claim, title }: Experiment): Job => ({ id, claim, title });
  if (args.length === 0) return selectExperiments([], { all }).map(jobOf);
  const jobs: Job[] = [];
  for (const arg of args) {
    if (isClaimPath(arg)) jobs.push({ ...jobOf(await loadClaimFile(arg)), file: resolve(arg) });
    else jobs.push(jobOf(selectExperiments([arg])[0]));
  }
  const seen = new Set<string>();
  for (const j of jobs) {
    if (seen.has(j.id)) {
      throw new Error(
        `two experiments have the id "${j.id}"${j.file ? ` (one from ${j.file})` : ""}; ids name the figure files, so give each claim its own id`,
      );
    }
    seen.add(j.id);
  }
  return jobs;
}

/** The result reported for a job that threw: an error row, no checks, so the other claims still report. */
function errorResult(
  job: Job,
  error: unknown,
  scale: Scale,
  seed: number,
  seconds: number,
): ExperimentResult {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    id: job.id,
    claim: job.claim,
    title: job.title,
    summary: [],
    checks: [],
    limits: [],
    figures: [],
    configs: {},
    scale,
    seed,
    seconds,
    error: message,
  };
}

async function runReproduce(claims: string[], flags: ReproduceFlags & { scale?: string }): Promise<number> {
  const jobs = await selectJobs(claims, flags.all);
  if (jobs.length === 0) throw new Error("no experiments are registered yet");
  const scale: Scale = flags.full ? "full" : SCALE_ALIASES[flags.scale ?? "default"];
  const workers = Math.max(1, Math.min(flags.workers || availableParallelism(), jobs.length));
  const say = (s: string) => {
    if (!flags.quiet && !flags.json) process.stderr.write(s);
  };
  say(
    `learndyn reproduce: ${jobs.length} experiment(s), scale ${scale}, seed ${flags.seed}, ${workers} worker(s)\n`,
  );
  const started = performance.now();
  const pool = new Piscina({
    filename: new URL("./reproduce-worker.js", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  let results: ExperimentResult[];
  try {
    results = await Promise.all(
      jobs.map(async (job) => {
        const jobStarted = performance.now();
        const r: ExperimentResult = await pool
          .run({
            id: job.id,
            file: job.file,
            options: { scale, seed: flags.seed },
            out: resolve(flags.out),
            quiet: flags.quiet || flags.json,
            // Cores not taken by other workers go to the experiment's large products (one experiment: all).
            threads: Math.max(1, Math.floor(availableParallelism() / workers)),
          })
          .catch((e: unknown) =>
            errorResult(job, e, scale, flags.seed, (performance.now() - jobStarted) / 1000),
          );
        const passed = r.checks.filter((c) => c.pass).length;
        const outcome = r.error === undefined ? `${passed}/${r.checks.length} checks` : `ERROR ${r.error}`;
        say(
          `  ${verdict(r) ? "✓" : "✗"} ${r.claim} ${r.title.padEnd(44)} ${outcome}  ${fmt(r.seconds, 3)} s\n`,
        );
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
  const out = resolve(flags.out);
  say("rendering the report…\n");
  const written = await writeExperimentReport(results, out, {
    png: flags.png,
    subtitle: `learndyn reproduce${claims.length ? ` ${claims.join(" ")}` : ""} · scale ${scale} · seed ${flags.seed} · ${new Date().toISOString().slice(0, 10)}`,
  });
  const seconds = (performance.now() - started) / 1000;
  const allChecks = results.flatMap((r) => r.checks.map((c) => ({ claim: r.claim, ...c })));
  const failed = allChecks.filter((c) => !c.pass);
  const findings = failed.filter((c) => c.finding).length;
  const errors = results
    .filter((r) => r.error !== undefined)
    .map(({ id, claim, error }) => ({ id, claim, error }));
  if (flags.json && !flags.quiet) {
    process.stdout.write(
      `${JSON.stringify({ seconds, out, report: written.html, checks: allChecks, failed: failed.length, findings, errors })}\n`,
    );
  } else if (!flags.quiet) {
    process.stdout.write(`\n${checkTable(allChecks, errors)}\n`);
    process.stdout.write(
      `${allChecks.length - failed.length}/${allChecks.length} checks pass${findings ? ` (${findings} failing as known findings)` : ""}` +
        (errors.length ? ` · ${errors.length} experiment(s) failed to run` : "") +
        ` · ${written.figures} figures · ${fmt(seconds, 3)} s\nreport: ${written.html}\n`,
    );
  }
  return errors.length ? EXIT_TOOL_ERROR : strictExitCode(allChecks, flags);
}

/**
 * Exit status of `reproduce` when every experiment ran: 4 under `strictFindings` when any check failed,
 * under `strict` when a check failed without an explained finding (a fault of the tool or an unexplained
 * result); else 0.
 */
export function strictExitCode(
  checks: readonly Pick<Check, "pass" | "finding">[],
  flags: { strict?: boolean; strictFindings?: boolean },
): number {
  if (flags.strictFindings && checks.some((c) => !c.pass)) return EXIT_STRICT_FAIL;
  if (flags.strict && checks.some(isUnexpectedFailure)) return EXIT_STRICT_FAIL;
  return 0;
}

/** A plain-text table: claim, prediction, measured, predicted, verdict; then one row per experiment that threw. */
function checkTable(
  rows: ({ claim: string } & ExperimentResult["checks"][number])[],
  errors: { claim: string; error?: string }[],
): string {
  const cells = rows.map((c) => [
    c.claim,
    `${c.prediction} ${c.statement}`,
    showValue(c.measured),
    showValue(c.predicted),
    c.pass ? "pass" : c.finding ? "finding" : "FAIL",
  ]);
  for (const e of errors) cells.push([e.claim, `did not run: ${e.error}`, "", "", "ERROR"]);
  const header = ["claim", "prediction", "measured", "predicted", "verdict"];
  const widths = header.map((h, i) =>
    Math.min(i === 1 ? 60 : 24, Math.max(h.length, ...cells.map((r) => r[i].length))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i])))
      .join("  ");
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
