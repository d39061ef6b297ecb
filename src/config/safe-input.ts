/**
 * Guards for input that becomes objects: field paths (`--set a.b=1`, sweep axes) and parsed JSON. A key
 * `__proto__`, `constructor` or `prototype` would reach Object.prototype through an assignment (or blame
 * fields the user never set), and a value nested thousands deep overflows the stack of any recursive
 * reader (schema validation, hashing, cloning) further on.
 */

/** Keys no path or JSON object may use. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** How deep JSON input may nest (run configs nest ~6 deep, explicit weights 4). */
export const MAX_JSON_DEPTH = 64;

/** Throws when a part of a dotted field path is one of {@link FORBIDDEN_KEYS}. `what` names the input. */
export function checkPathKeys(parts: readonly string[], what: string): void {
  const bad = parts.find((k) => FORBIDDEN_KEYS.has(k));
  if (bad !== undefined) {
    throw new Error(
      `${what}: the field path "${parts.join(".")}" uses "${bad}", which is not a config field (and could change every object); use the field's own name (see \`learndyn schema\`)`,
    );
  }
}

/**
 * Throws when parsed JSON nests deeper than `maxDepth` or has a forbidden key. Iterative, so the check
 * itself cannot overflow the stack. `source` names the input in the message.
 */
export function checkJsonShape(value: unknown, source: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: "" }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= maxDepth) {
      throw new Error(
        `${source}: nested more than ${maxDepth} levels deep (at ${path || "the top"}); no config or data file needs that many, check how it was generated`,
      );
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item = v[i];
        if (item !== null && typeof item === "object")
          stack.push({ v: item, depth: depth + 1, path: `${path}[${i}]` });
      }
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        throw new Error(`${source}: the key "${key}" (at ${at}) is not allowed; remove it`);
      }
      stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, path: at });
    }
  }
}
