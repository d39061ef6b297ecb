#!/usr/bin/env node
// Fuzzes the inputs the CLI takes: run configs, sweep specs and data files (test/fuzz/inputs.ts), each
// case through the library entry the CLI uses (test/fuzz/fuzz-case.ts), and writes a summary.
//
//   node scripts/fuzz.mjs [--cases 4000] [--seed 1] [--out tmp/fuzz-summary.json] [--case-ms 10000]
//
// --cases is per target (3 targets: 3 × 4000 = 12,000 cases by default). The TypeScript is compiled once
// into tmp/fuzzbuild (tsconfig.check.json). Cases run in a worker thread watched by this one: a case that
// takes longer than --case-ms is a hang, the worker is ended and a new one goes on with the next case.
// Exit status 1 when any case crashed, hung, or was rejected without naming the field (or file) and a fix.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";

const root = new URL("../", import.meta.url).pathname;
const argv = process.argv.slice(2);
const args = Object.fromEntries(
  argv.flatMap((a, i) => (a.startsWith("--") ? [[a.slice(2), argv[i + 1]]] : [])),
);
const cases = Number(args.cases ?? 4000);
const seed = Number(args.seed ?? 1);
const caseMs = Number(args["case-ms"] ?? 10_000);
const out = args.out ?? join(root, "tmp/fuzz-summary.json");
const build = join(root, "tmp/fuzzbuild");

process.stderr.write("compiling into tmp/fuzzbuild…\n");
const tsc = spawnSync("npx", ["tsc", "-p", "tsconfig.check.json", "--noEmit", "false", "--outDir", build], {
  cwd: root,
  stdio: "inherit",
});
if (tsc.status !== 0) process.exit(2);

/** Runs cases [from, cases) of `target` in a worker; resolves with the outcomes, hangs included. */
function runTarget(target) {
  const outcomes = [];
  return new Promise((resolvePromise, reject) => {
    const start = (from) => {
      if (from >= cases) return resolvePromise(outcomes);
      const worker = new Worker(new URL("./fuzz-worker.mjs", import.meta.url), {
        workerData: { build, target, cases, seed, from },
      });
      let current = from;
      let timer;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          outcomes.push({ i: current, outcome: "hang", ms: caseMs, input: undefined });
          worker.terminate().then(() => start(current + 1));
        }, caseMs);
      };
      arm();
      worker.on("message", (m) => {
        outcomes.push(m);
        current = m.i + 1;
        if (outcomes.length % 1000 === 0) process.stderr.write(`  ${target}: ${outcomes.length} cases\n`);
        arm();
      });
      worker.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      worker.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolvePromise(outcomes);
      });
    };
    start(0);
  });
}

function summarize(target, outcomes) {
  const count = (f) => outcomes.filter(f).length;
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const examples = (f) =>
    [...new Set(outcomes.filter(f).map((o) => o.message?.split("\n").slice(0, 3).join(" | ")))].slice(0, 8);
  return {
    target,
    cases: outcomes.length,
    accepted: count((o) => o.outcome === "accepted"),
    rejected: count((o) => o.outcome === "rejected"),
    crashes: count((o) => o.outcome === "crash"),
    hangs: count((o) => o.outcome === "hang"),
    rejectedWithoutFieldOrFix: count((o) => o.problem !== undefined),
    msMedian: ms[Math.floor(ms.length / 2)],
    msP99: ms[Math.floor(ms.length * 0.99)],
    msMax: ms[ms.length - 1],
    crashExamples: examples((o) => o.outcome === "crash"),
    hangCases: outcomes.filter((o) => o.outcome === "hang").map((o) => o.i),
    problemExamples: examples((o) => o.problem !== undefined).map((m) => `${m}`.slice(0, 300)),
    rejectionSamples: examples((o) => o.outcome === "rejected" && o.problem === undefined).map((m) =>
      m.slice(0, 200),
    ),
  };
}

const started = Date.now();
const targets = [];
for (const target of ["run-config", "sweep-spec", "data-file"]) {
  process.stderr.write(`${target}: ${cases} cases (seed ${seed})\n`);
  targets.push(summarize(target, await runTarget(target)));
}
const summary = {
  date: new Date().toISOString(),
  seed,
  casesPerTarget: cases,
  caseMs,
  seconds: (Date.now() - started) / 1000,
  node: process.version,
  targets,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
for (const t of targets) {
  process.stdout.write(
    `${t.target.padEnd(11)} ${t.cases} cases: ${t.accepted} accepted, ${t.rejected} rejected (${t.rejectedWithoutFieldOrFix} without field/fix), ${t.crashes} crashes, ${t.hangs} hangs; ms median ${t.msMedian.toFixed(2)}, p99 ${t.msP99.toFixed(1)}, max ${t.msMax.toFixed(0)}\n`,
  );
}
process.stdout.write(`summary: ${out} (${summary.seconds.toFixed(0)} s)\n`);
const bad = targets.some((t) => t.crashes || t.hangs || t.rejectedWithoutFieldOrFix);
process.exit(bad ? 1 : 0);
