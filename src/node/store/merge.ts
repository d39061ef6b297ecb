import { resolve } from "node:path";
import { RUN_COLUMNS } from "./run-rows.js";
import { salvageRows } from "./salvage.js";
import type { SqliteDb } from "./sqlite-file.js";
import { openStore, RUNS_TABLE, StoreError, type StoreSpec } from "./store.js";

/** What a merge did. */
export interface MergeSummary {
  output: string;
  name: string;
  specHash: string;
  /**
   * Per input: runs it holds (that could be read), runs added to the output, and for a damaged input the
   * runs that could not be read (see salvage.ts).
   */
  inputs: { path: string; runs: number; added: number; unreadable?: number }[];
  /** Runs present in several inputs with different results (the first one kept). */
  conflicts: number;
  /** Runs in the output afterwards. */
  total: number;
}

const COLUMNS = RUN_COLUMNS.join(", ");

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
      const unreadable = attachInput(db, path);
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
        summary.inputs.push({
          path,
          runs,
          added: after - before,
          ...(unreadable === null ? {} : { unreadable }),
        });
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

/**
 * Attaches input `path` as schema `src`. A sound store is attached itself (a store on read-only media: its
 * temporary copy); a damaged one as an in-memory copy of the runs that could be salvaged, whose count of
 * unreadable runs is returned (null for a sound store).
 */
function attachInput(db: SqliteDb, path: string): number | null {
  const input = openStore(path);
  try {
    if (input.damage.length === 0) {
      // Attached while `input` is open, so a read-only copy lives until detach.
      db.attach(resolve(input.db.path), "src", () => input.close());
      return null;
    }
    const { rows, unreadable } = salvageRows(input.db);
    db.attach(":memory:", "src");
    db.exec(RUNS_TABLE.replace("CREATE TABLE runs", "CREATE TABLE src.runs"));
    const insert = db.prepare(
      `INSERT INTO src.runs (${RUN_COLUMNS.join(", ")}) VALUES (${RUN_COLUMNS.map(() => "?").join(", ")})`,
    );
    db.transaction(() => {
      for (const row of rows) insert.run(RUN_COLUMNS.map((c) => row[c]));
    });
    input.close();
    return unreadable;
  } catch (e) {
    input.close();
    throw e;
  }
}
