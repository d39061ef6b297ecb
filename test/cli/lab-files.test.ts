import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type * as FsPromises from "node:fs/promises";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openLabFile } from "../../src/cli/lab-files.js";
import { type LabServer, startLabServer } from "../../src/cli/lab-server.js";

// Faults the file system shows while dist/web is rebuilt: a file removed right after it was looked at
// (stat), and a file whose read fails mid-way (EIO). Both must cost one response, never the server.
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const stat = (async (path: string, ...rest: []) => {
    const info = await real.stat(path, ...rest);
    if (String(path).endsWith("vanishing.js")) await real.unlink(path);
    return info;
  }) as typeof real.stat;
  // The check before the read (stat, or realpath) sees the file; it is gone right after.
  const realpath = (async (path: string, ...rest: []) => {
    const resolved = await real.realpath(path, ...rest);
    if (String(path).endsWith("vanishing.js")) await real.unlink(path);
    return resolved;
  }) as typeof real.realpath;
  const open = (async (path: string, ...rest: []) => {
    const handle = await real.open(path, ...rest);
    if (String(path).endsWith("failing.js")) {
      handle.createReadStream = (() =>
        new Readable({
          read() {
            this.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" }));
          },
        })) as typeof handle.createReadStream;
    }
    return handle;
  }) as typeof real.open;
  return { ...real, stat, realpath, open, default: { ...real, stat, realpath, open } };
});

function fetchStatus(url: string): Promise<{ status: number; body: string } | { cut: true }> {
  return new Promise((ok) => {
    get(url, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => ok({ status: res.statusCode ?? 0, body }));
      res.on("error", () => ok({ cut: true }));
      res.on("aborted", () => ok({ cut: true }));
    }).on("error", () => ok({ cut: true }));
  });
}

describe("lab files", () => {
  let root: string;
  let lab: LabServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "lab-files-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>lab</title>");
    writeFileSync(join(root, "assets", "vanishing.js"), "export {};");
    writeFileSync(join(root, "assets", "failing.js"), "x".repeat(100_000));
    lab = await startLabServer({ root, port: 0 });
  });
  afterAll(async () => {
    await lab.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("a file that vanishes between its check and its read is one 404, and the server keeps serving", async () => {
    const r = await fetchStatus(`${lab.url}assets/vanishing.js`);
    expect(r).toMatchObject({ status: 404 });
    expect(await fetchStatus(lab.url)).toMatchObject({ status: 200 });
  });

  it("a read that fails mid-way cuts that response only", async () => {
    const r = await fetchStatus(`${lab.url}assets/failing.js`);
    expect("cut" in r || r.body.length < 100_000).toBe(true);
    expect(await fetchStatus(lab.url)).toMatchObject({ status: 200 });
  });

  it("opens regular files only, inside the root", async () => {
    expect((await openLabFile(root, root, "/../etc/passwd")).kind).toBe("forbidden");
    expect((await openLabFile(root, root, "/assets")).kind).toBe("missing");
    expect((await openLabFile(root, root, "/a\0b")).kind).toBe("forbidden");
    const found = await openLabFile(root, root, "/index.html");
    expect(found.kind).toBe("file");
    if (found.kind === "file") await found.handle.close();
  });
});
