/**
 * The preset a config on screen is: the same run name on the same kind of data. A name alone is not
 * enough: an uploaded moons.csv is named "moons" like the two-moons preset, but its points are inline
 * data the preset's box says nothing about (it showed C7's "what to watch" over the user's own file).
 */
import { PRESETS, type Preset } from "../presets.js";
import type { RawConfig } from "./config-edit.js";

/** What identifies a config's data: its kind, and for inline data (points in the config) their name. */
function dataKey(data: unknown): string {
  const d = (data ?? {}) as { kind?: unknown; name?: unknown };
  return d.kind === "inline" ? `inline:${String(d.name)}` : String(d.kind);
}

/** The preset with this config's name and data, or undefined (a custom run, an upload). */
export function presetOf(raw: RawConfig, presets: readonly Preset[] = PRESETS): Preset | undefined {
  const key = dataKey(raw.data);
  return presets.find((p) => p.config.name === raw.name && dataKey(p.config.data) === key);
}
