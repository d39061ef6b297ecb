import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LabServer, startLabServer } from "../../src/cli/lab-server.js";

function get(
  url: string,
  method = "GET",
): Promise<{
  status: number;
  type: string;
  body: string;
  coop: string;
  coep: string;
  headers: Record<string, unknown>;
}> {
  return new Promise((ok, fail) => {
    const req = request(url, { method }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () =>
        ok({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"]),
          body,
          coop: String(res.headers["cross-origin-opener-policy"]),
          coep: String(res.headers["cross-origin-embedder-policy"]),
          headers: res.headers,
        }),
      );
    });
    req.on("error", fail);
    req.end();
  });
}

describe("lab server", () => {
  let root: string;
  let lab: LabServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "lab-server-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>lab</title>");
    writeFileSync(join(root, "assets", "app.js"), "export {};");
    writeFileSync(join(root, "assets", "app.css"), "body{}");
    writeFileSync(join(tmpdir(), "outside-secret.txt"), "secret");
    symlinkSync(join(tmpdir(), "outside-secret.txt"), join(root, "leak.txt"));
    symlinkSync(tmpdir(), join(root, "tmp"));
    symlinkSync(join(root, "assets", "app.js"), join(root, "alias.js"));
    lab = await startLabServer({ root, port: 0 });
  });
  afterAll(async () => {
    await lab.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 and serves the page and assets with their MIME types", async () => {
    expect(lab.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(lab.url);
    expect(page).toMatchObject({ status: 200, type: "text/html; charset=utf-8" });
    expect(page.body).toContain("<title>lab</title>");
    expect((await get(`${lab.url}assets/app.js`)).type).toBe("text/javascript; charset=utf-8");
    expect((await get(`${lab.url}assets/app.css`)).type).toBe("text/css; charset=utf-8");
    expect((await get(`${lab.url}index.html?x=1#v=1`)).status).toBe(200);
    expect(await get(lab.url, "HEAD")).toMatchObject({ status: 200, body: "" });
  });

  it("answers 404, 405 and never leaves its folder", async () => {
    expect((await get(`${lab.url}nope.js`)).status).toBe(404);
    expect((await get(lab.url, "POST")).status).toBe(405);
    const outside = await get(`${lab.url}..%2foutside-secret.txt`);
    expect([403, 404]).toContain(outside.status);
    expect(outside.body).not.toContain("secret");
  });

  it("explains how to build the lab when it is missing", async () => {
    await expect(startLabServer({ root: join(root, "assets"), port: 0 })).rejects.toThrow(/npm run build/);
  });

  it("isolates the page cross-origin, so the WASM backend can use shared, growable memory", async () => {
    const page = await get(lab.url);
    expect(page.coop).toBe("same-origin");
    expect(page.coep).toBe("require-corp");
  });

  it("refuses symlinks that lead outside its folder, follows those that stay inside", async () => {
    for (const path of ["leak.txt", "tmp/outside-secret.txt"]) {
      const r = await get(`${lab.url}${path}`);
      expect(r.status).toBe(403);
      expect(r.body).not.toContain("secret");
    }
    expect(await get(`${lab.url}alias.js`)).toMatchObject({ status: 200, body: "export {};" });
  });

  it("sends the security headers on every answer, errors included", async () => {
    for (const r of [await get(lab.url), await get(`${lab.url}nope.js`), await get(lab.url, "POST")]) {
      const csp = String(r.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).not.toMatch(/[ ']unsafe-eval'/);
      expect(r.headers["referrer-policy"]).toBe("no-referrer");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.coop).toBe("same-origin");
      expect(r.coep).toBe("require-corp");
    }
  });
});

describe("lab server shutdown", () => {
  it("closes within its grace time while clients hold idle and half-sent connections", async () => {
    const root = mkdtempSync(join(tmpdir(), "lab-close-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>lab</title>");
    const lab = await startLabServer({ root, port: 0, closeGraceMs: 200 });
    const port = Number(new URL(lab.url).port);
    const idle = connect(port, "127.0.0.1");
    await new Promise((ok) => idle.once("connect", ok));
    idle.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n");
    await new Promise((ok) => idle.once("data", ok));
    const half = connect(port, "127.0.0.1");
    await new Promise((ok) => half.once("connect", ok));
    half.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    for (const s of [idle, half]) s.on("error", () => undefined);
    const started = Date.now();
    const outcome = await Promise.race([
      lab.close().then(() => "closed"),
      new Promise((ok) => setTimeout(() => ok("still open after 5 s"), 5000)),
    ]);
    expect(outcome).toBe("closed");
    expect(Date.now() - started).toBeLessThan(3000);
    idle.destroy();
    half.destroy();
    rmSync(root, { recursive: true, force: true });
  }, 10_000);
});

describe("lab server start", () => {
  it("says in words that a port is taken or a host is not this machine's", async () => {
    const root = mkdtempSync(join(tmpdir(), "lab-port-"));
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    const first = await startLabServer({ root, port: 0 });
    const port = Number(new URL(first.url).port);
    await expect(startLabServer({ root, port })).rejects.toThrow(
      new RegExp(`cannot start the lab: port ${port} on 127\\.0\\.0\\.1 is in use .*--port`),
    );
    await expect(startLabServer({ root, port: 0, host: "192.0.2.1" })).rejects.toThrow(
      /not an address of this machine/,
    );
    await first.close();
    rmSync(root, { recursive: true, force: true });
  });
});
