import { runConfigSchema } from "../config/run-config.js";
import { checkPathKeys } from "../config/safe-input.js";

/**
 * Field paths into a run config: dot-separated keys, with numbers indexing arrays
 * ("optimizer.lr", "data.norms.0", "init.weights.1.W.0.0"). Checked against the run-config schema so a
 * misspelt axis is refused before anything runs.
 */

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** Splits a field path; numeric parts stay strings (they index arrays). */
export function splitPath(path: string): string[] {
  const parts = path.split(".");
  checkPathKeys(parts, "sweep axis field");
  return parts;
}

function isIndex(key: string): boolean {
  return /^(0|[1-9]\d{0,8})$/.test(key);
}

interface Miss {
  /** How many path parts resolved before the miss. */
  depth: number;
  /** What went wrong at that part. */
  message: string;
}

function unwrap(schema: ZodLike): ZodLike {
  let s = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def = s._zod.def;
    if (
      ["default", "optional", "nullable", "prefault", "readonly", "nonoptional", "catch"].includes(def.type)
    ) {
      s = def.innerType as ZodLike;
    } else if (def.type === "pipe") s = def.in as ZodLike;
    else break;
  }
  return s;
}

/** Resolves `parts` in `schema`; returns null when the path exists, else the deepest miss. */
function resolve(schema: ZodLike, parts: string[], depth: number): Miss | null {
  if (depth === parts.length) return null;
  const s = unwrap(schema);
  const def = s._zod.def;
  const key = parts[depth];
  const at = parts.slice(0, depth).join(".") || "the run config";
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, ZodLike>;
      if (Object.hasOwn(shape, key)) return resolve(shape[key], parts, depth + 1);
      const catchall = def.catchall as ZodLike | undefined;
      if (catchall && catchall._zod.def.type === "unknown") return null;
      return {
        depth,
        message: `unknown field "${key}" in ${at} (known: ${Object.keys(shape)
          .filter((k) => k !== "$schema")
          .join(", ")})`,
      };
    }
    case "array":
      if (!isIndex(key)) return { depth, message: `${at} is a list: index it with a number, not "${key}"` };
      return resolve(def.element as ZodLike, parts, depth + 1);
    case "record":
      return resolve(def.valueType as ZodLike, parts, depth + 1);
    case "union": {
      let deepest: Miss | null = null;
      for (const option of def.options as ZodLike[]) {
        const miss = resolve(option, parts, depth);
        if (!miss) return null;
        if (!deepest || miss.depth > deepest.depth) deepest = miss;
      }
      return deepest;
    }
    case "unknown":
    case "any":
      return null;
    default:
      return { depth, message: `${at} is a single value (${def.type}); it has no field "${key}"` };
  }
}

/** Returns null if `path` names a field of the run-config schema, else what is wrong with it. */
export function checkFieldPath(path: string): string | null {
  const parts = splitPath(path);
  if (parts.some((p) => p === ""))
    return `field "${path}": the path has an empty part (use "a.b.0", not "a..b")`;
  const miss = resolve(runConfigSchema as unknown as ZodLike, parts, 0);
  return miss ? `field "${path}": ${miss.message}` : null;
}

function isContainer(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object";
}

/**
 * Sets `path` in `target` (a raw config, changed in place) to `value`. A container missing on the way is
 * copied from `defaults` (the same config with defaults filled) when it exists there, so "data.norms.0"
 * changes the first of the default norms rather than making a one-element list.
 */
export function setField(
  target: Record<string, unknown>,
  path: string,
  value: unknown,
  defaults?: Record<string, unknown>,
): void {
  const parts = splitPath(path);
  let node: Record<string, unknown> = target;
  let def: unknown = defaults;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const defChild = isContainer(def) ? (def as Record<string, unknown>)[key] : undefined;
    if (!isContainer(node[key])) {
      node[key] = isContainer(defChild) ? structuredClone(defChild) : isIndex(parts[i + 1]) ? [] : {};
    }
    node = node[key] as Record<string, unknown>;
    def = defChild;
  }
  node[parts[parts.length - 1]] = value;
}
