import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ClaimFileError, isClaimPath, loadClaimFile } from "../../src/cli/claim-file.js";
import { tempDir } from "./cli-helpers.js";

const kit = pathToFileURL(join(new URL("../../src/kit/claim.ts", import.meta.url).pathname)).href;

/** Writes a claim module into a fresh directory and returns its path. */
function claimFile(name: string, body: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, body);
  return path;
}

const valid = `import { defineClaim } from ${JSON.stringify(kit)};
export default defineClaim({
  id: "tiny", claim: "T", title: "Tiny", predictions: ["P"],
  settings: { default: {}, full: {} },
  measure: () => 1, checks: () => [], summary: () => [],
});`;

describe("isClaimPath", () => {
  it("tells paths and module files from built-in ids", () => {
    for (const a of ["./my-claim.js", "claims/x.mjs", "x.js", "C:\\\\claims\\\\x.mjs", "x.ts"])
      expect(isClaimPath(a)).toBe(true);
    for (const a of ["c4", "C4", "starvation-moons", "gan"]) expect(isClaimPath(a)).toBe(false);
  });
});

describe("loadClaimFile", () => {
  it("loads a default-exported claim", async () => {
    const claim = await loadClaimFile(claimFile("tiny.mjs", valid));
    expect(claim).toMatchObject({ id: "tiny", claim: "T", title: "Tiny" });
    expect(claim.run({ scale: "default", seed: 0 }).summary).toEqual([]);
  });

  it("accepts the export named claim", async () => {
    const path = claimFile("named.mjs", valid.replace("export default", "export const claim ="));
    expect((await loadClaimFile(path)).id).toBe("tiny");
  });

  it("says when the file does not exist, with the path it looked at", async () => {
    await expect(loadClaimFile("./no-such-claim.js")).rejects.toThrow(ClaimFileError);
    await expect(loadClaimFile("./no-such-claim.js")).rejects.toThrow(
      /"\.\/no-such-claim\.js" does not exist \(looked at \//,
    );
  });

  it("says when there is no claim export, listing the exports", async () => {
    const path = claimFile("none.mjs", "export const answer = 42;");
    await expect(loadClaimFile(path)).rejects.toThrow(
      /has no claim export \(its exports: answer\); add `export default defineClaim/,
    );
  });

  it("says what is malformed in the exported claim", async () => {
    const path = claimFile("bad.mjs", 'export default { id: "x", claim: "X", title: "", predictions: [] };');
    await expect(loadClaimFile(path)).rejects.toThrow(
      /is not a valid claim: "title" must be a non-empty string.*no run function/,
    );
  });

  it("reports a file that fails to import, and refuses TypeScript with the way out", async () => {
    await expect(loadClaimFile(claimFile("syntax.mjs", "export default {"))).rejects.toThrow(
      /could not be loaded/,
    );
    await expect(loadClaimFile(claimFile("claim.ts", valid))).rejects.toThrow(
      /Node 20 imports only ES modules.*compile it first/,
    );
  });
});
