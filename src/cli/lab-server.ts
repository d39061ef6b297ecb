import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openLabFile } from "./lab-files.js";
import { SECURITY_HEADERS } from "./lab-headers.js";

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
  /**
   * How long close() lets requests in flight finish before it cuts every connection (default 1000 ms):
   * an idle keep-alive or a half-sent request must not keep the server alive.
   */
  closeGraceMs?: number;
}

/** A running lab server. */
export interface LabServer {
  /** The lab's address, e.g. http://127.0.0.1:4178/ */
  url: string;
  server: Server;
  /** Stops listening and closes every connection within the grace time. */
  close(): Promise<void>;
}

/** The built lab shipped with the package (dist/web next to dist/cli). */
export function defaultLabRoot(): string {
  return fileURLToPath(new URL("../web/", import.meta.url));
}

/** A short plain-text answer (errors), with the same security headers as a file. */
function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...extra });
  res.end(`${text}\n`);
}

async function answer(
  root: string,
  realRoot: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(res, 405, "method not allowed", { Allow: "GET, HEAD" });
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    plain(res, 400, "bad request");
    return;
  }
  if (pathname.endsWith("/")) pathname += "index.html";
  const found = await openLabFile(root, realRoot, pathname);
  if (found.kind === "forbidden") {
    plain(res, 403, "forbidden");
    return;
  }
  if (found.kind === "missing") {
    plain(res, 404, `not found: ${pathname}`);
    return;
  }
  const { handle, size } = found;
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": MIME_TYPES[extname(found.path).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": size,
    // Hashed asset names never change; the page itself is always revalidated.
    "Cache-Control": pathname.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
  });
  if (req.method === "HEAD" || size === 0) {
    res.end();
    await handle.close().catch(() => undefined);
    return;
  }
  // The size was read from the open file: a file truncated or failing while it is sent ends this one
  // response (the browser sees a cut transfer), never the server.
  const stream = handle.createReadStream({ start: 0, end: size - 1 });
  stream.on("error", () => res.destroy());
  res.on("close", () => stream.destroy());
  stream.pipe(res);
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
  const realRoot = await realpath(root);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    answer(root, realRoot, req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, "internal error: the file could not be read; reload the page");
      else res.destroy();
    });
  });
  // Every connection, so close() can end the idle and half-sent ones (server.close() waits for them).
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  // A client dropping its connection mid-request is its business, not a server error.
  server.on("clientError", (_e, socket) => socket.destroy());
  const wanted = options.port ?? 4178;
  await new Promise<void>((ok, fail) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      const why: Record<string, string> = {
        EADDRINUSE: `port ${wanted} on ${host} is in use (another lab?); pick another with --port (0 = any free port)`,
        EACCES: `port ${wanted} needs more privileges than this user has; pick one above 1023 with --port`,
        EADDRNOTAVAIL: `${host} is not an address of this machine; use --host 127.0.0.1`,
        ENOTFOUND: `${host} is not an address of this machine; use --host 127.0.0.1`,
      };
      fail(e.code && why[e.code] ? new Error(`cannot start the lab: ${why[e.code]}`) : e);
    });
    server.listen(wanted, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const grace = options.closeGraceMs ?? 1000;
  return {
    url: `http://${shownHost}:${port}/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeIdleConnections();
        const cut = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, grace);
        cut.unref();
        server.once("close", () => clearTimeout(cut));
      }),
  };
}
