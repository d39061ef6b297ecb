/**
 * The lab's state in the URL: `#v=1&config=<base64url of the run config JSON>`. The config is the same JSON
 * the CLI runs (`learndyn train --config`), so a link is a complete, rerunnable description of a run.
 * The version `v` is the format of this fragment; the config carries its own `version` field too.
 */

/** Version of the URL fragment format written by this lab. */
export const URL_STATE_VERSION = 1;

/** What a URL fragment holds. */
export type UrlState =
  | { kind: "empty" }
  | { kind: "ok"; config: unknown }
  | { kind: "error"; message: string };

/** UTF-8 text as base64url (no padding). */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Inverse of {@link toBase64Url}; throws on characters outside the base64url alphabet. */
export function fromBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded))
    throw new Error("contains characters outside base64url (A–Z a–z 0–9 - _)");
  const b64 = encoded.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The URL fragment (without "#") holding a run config. */
export function encodeState(config: unknown): string {
  return `v=${URL_STATE_VERSION}&config=${toBase64Url(JSON.stringify(config))}`;
}

/**
 * Reads a URL fragment ("#v=1&config=…" or without the "#"). An empty fragment is "empty"; anything that
 * cannot be read gives an "error" whose message says what is wrong and what to do.
 */
export function decodeState(hash: string): UrlState {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (fragment.trim() === "") return { kind: "empty" };
  const params = new URLSearchParams(fragment);
  const v = params.get("v");
  const encoded = params.get("config");
  if (encoded === null) {
    return {
      kind: "error",
      message: 'the link has no "config=" part; start from a preset or paste a full lab link',
    };
  }
  if (v === null) {
    return {
      kind: "error",
      message: `the link has no state version "v=${URL_STATE_VERSION}"; it was not made by this lab`,
    };
  }
  if (v !== String(URL_STATE_VERSION)) {
    const newer = Number(v) > URL_STATE_VERSION;
    return {
      kind: "error",
      message:
        `the link uses lab state version ${v}, but this lab reads version ${URL_STATE_VERSION}` +
        (newer
          ? "; open it with a newer learndyn (npx learndyn@latest lab)"
          : "; re-create the run from a preset"),
    };
  }
  let text: string;
  try {
    text = fromBase64Url(encoded);
  } catch (e) {
    return {
      kind: "error",
      message: `the link's config is damaged (${(e as Error).message}); was it cut short?`,
    };
  }
  try {
    return { kind: "ok", config: JSON.parse(text) };
  } catch (e) {
    return {
      kind: "error",
      message: `the link's config is not valid JSON (${(e as Error).message}); was it cut short?`,
    };
  }
}
