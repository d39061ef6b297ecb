import { spawn } from "node:child_process";
import { connect } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/cli/lab-headers.js";

const root = new URL("../../", import.meta.url).pathname;

describe("learndyn lab", () => {
  it("tells loopback hosts from network ones", () => {
    for (const h of ["127.0.0.1", "localhost", "::1", "[::1]", "127.3.2.1"]) expect(isLoopback(h)).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.5", "example.org"]) expect(isLoopback(h)).toBe(false);
  });

  it("warns that --host 0.0.0.0 reaches the network, and Ctrl-C stops it despite a half-sent request", async () => {
    const child = spawn(
      process.execPath,
      [join(root, "bin/learndyn.js"), "lab", "--host", "0.0.0.0", "--port", "0"],
      {
        cwd: root,
      },
    );
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const url = await new Promise<string>((ok, fail) => {
      child.stdout.on("data", (c) => {
        stdout += c;
        const m = /open (http:\S+)/.exec(stdout);
        if (m) ok(m[1]);
      });
      child.once("exit", () => fail(new Error(`lab exited early: ${stderr}`)));
    });
    // stderr and stdout are separate pipes: give the warning a moment to arrive.
    for (let i = 0; i < 40 && !stderr.includes("warning"); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(stderr).toMatch(/warning: --host 0\.0\.0\.0 makes the lab reachable from the network/);
    const half = connect(Number(new URL(url).port), "127.0.0.1");
    half.on("error", () => undefined);
    await new Promise((ok) => half.once("connect", ok));
    half.write("GET / HTTP/1.1\r\nHost: x\r\n");
    const started = Date.now();
    const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
    child.kill("SIGINT");
    const code = await Promise.race([exited, new Promise((ok) => setTimeout(() => ok("hung"), 8000))]);
    half.destroy();
    if (code === "hung") child.kill("SIGKILL");
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 30_000);
});
