import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Content types of the files a Vite build writes. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Options of {@link startLabServer}. */
export interface LabServerOptions {
  /** Folder to serve (default: the lab built into dist/web of this package). */
  root?: string;
  /** Port (default 4178; 0 picks a free one). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1: only this machine). */
  host?: string;
}

/** A running lab server. */
export interface LabServer {
  /** The lab's address, e.g. http://127.0.0.1:4178/ */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The built lab shipped with the package (dist/web next to dist/cli). */
export function defaultLabRoot(): string {
  return fileURLToPath(new URL("../web/", import.meta.url));
}

/** Serves a static folder (the built lab) with node:http: GET/HEAD only, no directory listings. */
export async function startLabServer(options: LabServerOptions = {}): Promise<LabServer> {
  const root = resolve(options.root ?? defaultLabRoot());
  const rootStat = await stat(join(root, "index.html")).catch(() => null);
  if (!rootStat) {
    throw new Error(
      `the lab is not built: ${join(root, "index.html")} is missing; run \`npm run build\` (it builds the lab into dist/web)`,
    );
  }
  const host = options.host ?? "127.0.0.1";
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      res.end("method not allowed\n");
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("bad request\n");
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("forbidden\n");
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`not found: ${pathname}\n`);
      return;
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, {
      "Content-Type": type,
      "Content-Length": info.size,
      // Hashed asset names never change; the page itself is always revalidated.
      "Cache-Control": pathname.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
      // Cross-origin isolation: the page may use SharedArrayBuffer, so the WASM backend's memory can grow
      // (and worker threads can share it). The lab loads nothing from other origins.
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 4178, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
