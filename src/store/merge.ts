import { resolve } from "node:path";
import { openStore, StoreError, type StoreSpec } from "./store.js";

/** What a merge did. */
export interface MergeSummary {
  output: string;
  name: string;
  specHash: string;
  /** Per input: runs it holds, runs added to the output. */
  inputs: { path: string; runs: number; added: number }[];
  /** Runs present in several inputs with different results (the first one kept). */
  conflicts: number;
  /** Runs in the output afterwards. */
  total: number;
}

const COLUMNS =
  "point_index, point_key, axis_values, seed_index, seed, config_hash, config, status, stop_reason, error, steps, scalars, history, seconds, finished_at";

/**
 * Merges shard stores of one sweep into `output` (created if missing, else it must hold the same spec).
 * A run already in the output is kept, except a failed one, which a finished copy replaces. Refuses
 * stores of different specs before writing anything.
 */
export function mergeStores(inputs: readonly string[], output: string): MergeSummary {
  if (inputs.length === 0) throw new Error("merge: give at least one store to merge");
  const out = resolve(output);
  const specs: { path: string; spec: StoreSpec }[] = [];
  for (const path of inputs) {
    if (resolve(path) === out) {
      throw new Error(`merge: the output ${output} is also an input; write to a new file (-o all.db)`);
    }
    const store = openStore(path);
    specs.push({ path, spec: store.spec });
    store.close();
  }
  const first = specs[0];
  for (const { path, spec } of specs.slice(1)) {
    if (spec.specHash !== first.spec.specHash) {
      throw new StoreError(
        `merge: ${path} holds sweep "${spec.name}" (spec hash ${spec.specHash}) but ${first.path} holds "${first.spec.name}" (spec hash ${first.spec.specHash}); only shards of the same spec can be merged. Nothing was written.`,
      );
    }
  }
  const target = openStore(output, first.spec);
  const summary: MergeSummary = {
    output,
    name: first.spec.name,
    specHash: first.spec.specHash,
    inputs: [],
    conflicts: 0,
    total: 0,
  };
  try {
    const db = target.db;
    for (const { path } of specs) {
      db.attach(resolve(path), "src");
      try {
        const count = (sql: string) => db.get<{ n: number }>(sql)?.n ?? 0;
        const runs = count("SELECT count(*) AS n FROM src.runs");
        const conflicts = count(
          `SELECT count(*) AS n FROM src.runs s JOIN main.runs r ON r.point_key = s.point_key AND r.seed_index = s.seed_index
           WHERE s.status <> 'failed' AND r.status <> 'failed'
             AND (s.config_hash <> r.config_hash OR s.status <> r.status OR s.scalars <> r.scalars OR s.steps <> r.steps)`,
        );
        const before = count("SELECT total_changes() AS n");
        db.transaction(() => {
          db.run(
            `INSERT INTO main.runs (${COLUMNS}) SELECT ${COLUMNS} FROM src.runs WHERE true
             ON CONFLICT (point_key, seed_index) DO UPDATE SET ${COLUMNS.split(", ")
               .map((c) => `${c} = excluded.${c}`)
               .join(", ")}
             WHERE runs.status = 'failed' AND excluded.status <> 'failed'`,
          );
        });
        const after = count("SELECT total_changes() AS n");
        summary.inputs.push({ path, runs, added: after - before });
        summary.conflicts += conflicts;
      } finally {
        db.detach("src");
      }
    }
    summary.total = db.get<{ n: number }>("SELECT count(*) AS n FROM runs")?.n ?? 0;
  } finally {
    target.close();
  }
  return summary;
}
