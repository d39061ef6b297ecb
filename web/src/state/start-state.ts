/** What the lab starts with: the config in the page's link (or preset C1), its axes, and the worker's threads. */
import { PRESETS } from "../presets.js";
import { normalizeConfig, type RawConfig } from "./config-edit.js";
import { presetOf } from "./preset-of.js";
import { decodeState } from "./url-state.js";

/** The config a link's hash holds, else preset C1, with a message when the link could not be used. */
export function initialRaw(hash: string): { raw: RawConfig; error: string | null } {
  const fallback = normalizeConfig(PRESETS[0].config) as RawConfig;
  const state = decodeState(hash);
  if (
    state.kind === "ok" &&
    state.config &&
    typeof state.config === "object" &&
    !Array.isArray(state.config)
  ) {
    const raw = state.config as RawConfig;
    const data = raw.data as { kind?: string; path?: string } | undefined;
    const error =
      data?.kind === "file"
        ? `This link's data came from ${data.path}, which was too large to put in the link: upload that file (Data → Upload CSV) to run it; the rest of the config is kept.`
        : null;
    return { raw, error };
  }
  if (state.kind === "ok")
    return { raw: fallback, error: "the link's config is not a JSON object; showing preset C1" };
  return {
    raw: fallback,
    error: state.kind === "error" ? `${state.message}. Showing preset C1 instead.` : null,
  };
}

/** The axes a config starts with: its preset's view (matched by name and data), else linear time and log loss. */
export function presetView(raw: RawConfig): { logX: boolean; logY: Record<string, boolean> } {
  const view = presetOf(raw)?.view;
  const logY: Record<string, boolean> = { loss: true };
  for (const card of view?.logY ?? []) logY[card] = true;
  return { logX: view?.logX ?? false, logY };
}

/**
 * Threads for the training worker's large products: `?threads=N` in the page's address (1 to 16), else one
 * core left for the page itself (on 2 cores: 1, since a spinning helper would take the UI's core), at most 4.
 */
export function labThreads(search: string, cores: number): number {
  const asked = Number(new URLSearchParams(search).get("threads"));
  if (Number.isInteger(asked) && asked >= 1 && asked <= 16) return asked;
  return Math.max(1, Math.min(4, (cores || 1) - 1));
}
