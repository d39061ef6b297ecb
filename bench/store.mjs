// Store write speed: 1,000 runs written into a sweep store, one transaction per run (as a sweep does).
// Prints the current store (node-sqlite3-wasm: rollback journal, synchronous=FULL) and, when the
// better-sqlite3 package happens to be installed, the previous store's write path (native SQLite: WAL,
// synchronous=NORMAL) on the same rows. Run: npm run build && node bench/store.mjs
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeJson, openStore } from "../dist/node/store/store.js";
import { storeSpecOf } from "../dist/node/sweep-runner.js";
import { planSweep, pointConfig } from "../dist/sweep/expand.js";
import { contentHash } from "../dist/sweep/hash.js";
import { runPoint } from "../dist/sweep/run-point.js";
import { parseSweepSpec } from "../dist/sweep/spec.js";

const N = 1000;
const REPS = 3;
const plan = planSweep(
  parseSweepSpec({
    name: "bench-store",
    base: {
      data: { kind: "orthogonal", norms: [1, 1, 1, 1] },
      model: { hidden: [4] },
      train: { steps: 60 },
      probes: { schedule: { kind: "every", every: 3 }, include: ["margins"] },
    },
    axes: [{ field: "optimizer.lr", range: { from: 0.01, to: 1, count: N, scale: "log" } }],
    seeds: 1,
    keep: { scalars: ["loss", "error", "marginMin", "steps"], history: { points: 20 } },
  }),
);
// One real run, stored N times under N point keys (the rows a sweep of N points would write).
const point = plan.pointAt(0);
const config = pointConfig(plan, point, 0);
const base = runPoint({
  ...point,
  seedIndex: 0,
  config,
  configHash: contentHash(config),
  keep: plan.spec.keep,
});
const results = Array.from({ length: N }, (_, i) => ({ ...base, index: i, key: `${base.key}#${i}` }));
const dir = mkdtempSync(join(tmpdir(), "learndyn-bench-store-"));

function current(rep) {
  const store = openStore(join(dir, `wasm-${rep}.db`), storeSpecOf(plan));
  try {
    const t = performance.now();
    for (const r of results) store.writeRun(r);
    return performance.now() - t;
  } finally {
    store.close();
  }
}

const COLUMNS =
  "point_index, point_key, axis_values, seed_index, seed, config_hash, config, status, stop_reason, error, steps, scalars, history, seconds, finished_at";
function previous(Database, rep) {
  const path = join(dir, `native-${rep}.db`);
  openStore(path, storeSpecOf(plan)).close(); // same schema and meta
  const db = new Database(path);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const cols = COLUMNS.split(", ");
    const insert = db.prepare(
      `INSERT INTO runs (${COLUMNS}) VALUES (${cols.map((c) => `@${c}`).join(", ")})
       ON CONFLICT (point_key, seed_index) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(", ")}
       WHERE runs.status = 'failed' AND excluded.status <> 'failed'`,
    );
    const tx = db.transaction((row) => insert.run(row));
    const t = performance.now();
    for (const r of results) {
      tx({
        point_index: r.index,
        point_key: r.key,
        axis_values: encodeJson(r.values),
        seed_index: r.seedIndex,
        seed: r.seed,
        config_hash: r.configHash,
        config: encodeJson(r.config),
        status: r.status,
        stop_reason: r.stopReason,
        error: r.error,
        steps: r.steps,
        scalars: encodeJson(r.scalars),
        history: r.history === null ? null : encodeJson(r.history),
        seconds: r.seconds,
        finished_at: new Date().toISOString(),
      });
    }
    return performance.now() - t;
  } finally {
    db.close();
  }
}

let Native = null;
try {
  Native = (await import("better-sqlite3")).default;
} catch {}

const best = (f) => Math.min(...Array.from({ length: REPS }, (_, rep) => f(rep)));
const line = (name, ms) =>
  console.log(
    `${name.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / N).toFixed(3)} ms/run  ${((N / ms) * 1000).toFixed(0)} runs/s`,
  );
console.log(`writing ${N} runs, one transaction each, best of ${REPS}, in ${dir}`);
line("node-sqlite3-wasm, rollback journal, synchronous=FULL", best(current));
if (Native)
  line(
    "better-sqlite3 (previous store), WAL, synchronous=NORMAL",
    best((rep) => previous(Native, rep)),
  );
else console.log("better-sqlite3 is not installed: previous store not measured");
rmSync(dir, { recursive: true, force: true });
