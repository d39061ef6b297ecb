/**
 * Pinned runs in the page's URL (`#v=1&config=…&pins=…`), so a link or a reload brings back the comparison,
 * not just the run on screen. A pin is stored as what its config changes from the run on screen (usually
 * one field: the seed) and how many steps it had run; the page re-trains it from that, which gives the same
 * curves to the bit because a run is a pure function of its config. Curves are never put in the URL.
 */
import { parseRunConfig, type RunConfig } from "../../../src/index.js";
import { fromBase64Url, toBase64Url } from "./url-state.js";

/** A pin as the page keeps it: its number, its config, and the step it had reached. */
export interface PinRef {
  id: number;
  steps: number;
  config: RunConfig;
}

/** A pin as the URL holds it: leaves set (path, value) and leaves removed, against the run on screen. */
interface StoredPin {
  id: number;
  steps: number;
  set: [string[], unknown][];
  unset: string[][];
}

/** Longest stored pin (JSON characters) put in the URL; a pin on other, inline data stays out of it. */
export const MAX_PIN_CHARS = 2000;

/** A config's leaf values by key path (arrays are one leaf each). */
export function leafValues(v: unknown, path: string[] = [], out = new Map<string, unknown>()) {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) leafValues(x, [...path, k], out);
  } else out.set(JSON.stringify(path), v);
  return out;
}

/** `pinned` as changes to `current`. */
function storePin(pin: PinRef, current: RunConfig): StoredPin {
  const a = leafValues(pin.config);
  const b = leafValues(current);
  const set: [string[], unknown][] = [];
  const unset: string[][] = [];
  for (const [key, value] of a)
    if (!b.has(key) || JSON.stringify(b.get(key)) !== JSON.stringify(value))
      set.push([JSON.parse(key), value]);
  for (const key of b.keys()) if (!a.has(key)) unset.push(JSON.parse(key));
  return { id: pin.id, steps: pin.steps, set, unset };
}

/** The `&pins=…` part of the URL for `pins` against the run on screen ("" when there are none). */
export function pinsFragment(pins: readonly PinRef[], current: RunConfig | null): string {
  if (!current || pins.length === 0) return "";
  const stored = pins
    .map((p) => storePin(p, current))
    .filter((s) => JSON.stringify(s).length <= MAX_PIN_CHARS);
  return stored.length ? `&pins=${toBase64Url(JSON.stringify(stored))}` : "";
}

/** The raw `pins` parameter of a URL fragment, or null. */
export function pinsParamOf(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, "")).get("pins");
}

/** Sets `value` at `path` in a plain object tree, creating objects on the way; returns the tree. */
function setPath(tree: Record<string, unknown>, path: string[], value: unknown): void {
  let o = tree;
  for (const k of path.slice(0, -1)) {
    if (o[k] === null || typeof o[k] !== "object" || Array.isArray(o[k])) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[path[path.length - 1]] = value;
}

function unsetPath(tree: Record<string, unknown>, path: string[]): void {
  let o: unknown = tree;
  for (const k of path.slice(0, -1)) o = (o as Record<string, unknown> | undefined)?.[k];
  if (o && typeof o === "object") delete (o as Record<string, unknown>)[path[path.length - 1]];
}

const isPath = (p: unknown): p is string[] =>
  Array.isArray(p) &&
  p.length > 0 &&
  p.every((k) => typeof k === "string" && !/^(__proto__|constructor|prototype)$/.test(k));

/**
 * The pins of a `pins` parameter, rebuilt on `current`: each a validated config and its steps. A pin
 * that cannot be read or whose config no longer validates is left out, with a message saying which.
 */
export function readPins(param: string, current: RunConfig): { pins: PinRef[]; errors: string[] } {
  let stored: unknown;
  try {
    stored = JSON.parse(fromBase64Url(param));
  } catch (e) {
    return {
      pins: [],
      errors: [`the link's pinned runs are damaged (${(e as Error).message}); pin them again`],
    };
  }
  if (!Array.isArray(stored))
    return { pins: [], errors: ["the link's pinned runs are not a list; pin them again"] };
  const pins: PinRef[] = [];
  const errors: string[] = [];
  for (const s of stored as Partial<StoredPin>[]) {
    const id = Number(s?.id);
    const steps = Number(s?.steps);
    if (
      !Number.isInteger(id) ||
      !Number.isInteger(steps) ||
      steps < 0 ||
      !Array.isArray(s.set) ||
      !Array.isArray(s.unset)
    ) {
      errors.push("a pinned run in the link has no id, steps or changes; it was left out");
      continue;
    }
    const tree = structuredClone(current) as unknown as Record<string, unknown>;
    try {
      for (const entry of s.set) {
        if (!Array.isArray(entry) || !isPath(entry[0])) throw new Error("a change without a key path");
        setPath(tree, entry[0], entry[1]);
      }
      for (const p of s.unset) {
        if (!isPath(p)) throw new Error("a removal without a key path");
        unsetPath(tree, p);
      }
      pins.push({ id, steps, config: parseRunConfig(tree) });
    } catch (e) {
      errors.push(
        `pinned run ${id} in the link does not make a valid config (${(e as Error).message.replace(/\s*\n\s*/g, " ")}); it was left out`,
      );
    }
  }
  return { pins, errors };
}
