import type { RunConfig } from "../config/run-config.js";
import type { DataBundle } from "../data/dataset.js";
import { bundleWithInputFeatures } from "../data/input-features.js";
import { type DataSpec, makeData } from "../data/registry.js";
import { Rng } from "../engine/rng.js";

/**
 * The data a config names, drawn from the config's seed (stream "data", independent of init and batches).
 * Data of kind "file" must be read into "inline" first (the CLI does; the browser lab uploads). With
 * `config.inputs`, the network sees those features of the 2-D points (feature crosses) in place of them.
 */
export function buildData(config: RunConfig): DataBundle {
  if (config.data.kind === "file") {
    throw new Error(
      `data.kind "file" (${config.data.path}) must be loaded before training; the CLI does this for you`,
    );
  }
  return bundleWithInputFeatures(
    makeData(config.data as DataSpec, new Rng(config.seed).fork("data")),
    config.inputs,
  );
}
