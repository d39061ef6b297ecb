import type { RunConfig } from "../config/run-config.js";
import type { DataBundle } from "../data/dataset.js";
import { type DataSpec, makeData } from "../data/registry.js";
import { Rng } from "../engine/rng.js";

/**
 * The data a config names, drawn from the config's seed (stream "data", independent of init and batches).
 * Data of kind "file" must be read into "inline" first (the CLI does; the browser lab uploads).
 */
export function buildData(config: RunConfig): DataBundle {
  if (config.data.kind === "file") {
    throw new Error(
      `data.kind "file" (${config.data.path}) must be loaded before training; the CLI does this for you`,
    );
  }
  return makeData(config.data as DataSpec, new Rng(config.seed).fork("data"));
}
