/**
 * The headers every answer of the lab server carries, errors included: a browser that is handed an error
 * page must not sniff it into a script, frame it into another site, or lose the cross-origin isolation.
 */

/**
 * What the lab page may load: only its own files. 'wasm-unsafe-eval' lets it compile the WASM backend
 * (it does not allow eval of strings); inline styles are what the charts set on their elements; data:
 * and blob: images are the favicon and the figures the lab renders for download. No inline script runs,
 * no other origin is contacted, no site may frame the lab (frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // blob: is the WASM backend's helper thread (src/engine/threads/web.ts builds it from its source text).
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers of every response, whatever its status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // Cross-origin isolation: the page may use SharedArrayBuffer, so the WASM backend's memory can grow
  // (and worker threads can share it). The lab loads nothing from other origins.
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** Whether a --host value keeps the lab on this machine (anything else is reachable from the network). */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || h === "::ffff:127.0.0.1";
}
