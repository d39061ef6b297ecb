import { hashString } from "../engine/rng.js";

/**
 * JSON with object keys sorted at every level, so two equal values always give the same text
 * (the basis of spec and config hashes). Numbers use JSON's shortest round-tripping form.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** A 64-bit content hash (16 hex digits) of a string: two FNV-1a passes with different prefixes. */
export function hash64(text: string): string {
  const a = hashString(`learndyn:a|${text}`);
  const b = hashString(`learndyn:b|${text}`);
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** hash64 of the canonical JSON of a value. */
export function contentHash(value: unknown): string {
  return hash64(canonicalJson(value));
}
