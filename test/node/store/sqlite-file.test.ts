import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SqliteDb } from "../../../src/node/store/sqlite-file.js";
import { tempPath } from "./helpers.js";

describe("SqliteDb", () => {
  it("a prepared statement's get() does not keep the store's lock once it returned", () => {
    const path = tempPath("get-lock.sqlite");
    const db = new SqliteDb(path, { readOnly: false });
    try {
      db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
      const select = db.prepare("SELECT x FROM t ORDER BY x");
      expect(select.get()).toEqual({ x: 1 });
      // The WASM build locks with a `<file>.lock` folder: present while any read is unfinished.
      expect(existsSync(`${path}.lock`)).toBe(false);
      expect(select.get()).toEqual({ x: 1 });
      expect(db.prepare("SELECT x FROM t WHERE x > 5").get()).toBeNull();
      expect(existsSync(`${path}.lock`)).toBe(false);
    } finally {
      db.close();
    }
  });
});
