import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

describe("run leases", () => {
  it("a run claimed by a live holder is not claimable; stored runs neither; a dead holder's are taken over", () => {
    const { storeSpec, run } = setup(smallSpec());
    const path = tempPath("leases.db");
    const a = openStore(path, storeSpec);
    const b = openStore(path, storeSpec);
    try {
      const refs = [0, 1, 2].map((i) => ({ key: run(i, 0).key, seedIndex: 0 }));
      expect(a.leases?.claim(refs.slice(0, 2), false)).toEqual([true, true]);
      expect(b.leases?.claim(refs, false)).toEqual([false, false, true]);
      // a stores run 0 (its lease goes with it): nobody claims it again; run 1 stays a's.
      expect(a.writeRuns([run(0, 0)])).toEqual([true]);
      expect(b.leases?.claim(refs.slice(0, 2), false)).toEqual([false, false]);
      // b computed run 0 too (before the leases): its copy is not stored, and it says so.
      expect(b.writeRuns([run(0, 0)])).toEqual([false]);
      a.leases?.releaseAll();
      expect(b.leases?.claim([refs[1]], false)).toEqual([true]);
      // A holder that no longer runs (a killed process on this host) holds nothing.
      a.db.run("UPDATE leases SET holder = ?", [`999999999.0.dead@${hostname()}`]);
      expect(a.leases?.claim([refs[1], refs[2]], false)).toEqual([true, true]);
    } finally {
      a.close();
      b.close();
    }
  });
});
