import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LayerWeights } from "../../src/engine/mlp.js";

/** A golden fixture written by make_fixtures.py (PyTorch float64). */
export interface Fixture {
  name: string;
  description: string;
  torch: string;
  /** learndyn run config without `data` and `init` (see fixtureConfig). */
  config: Record<string, unknown>;
  X: number[][];
  y: number[];
  initial: LayerWeights[];
  /** Data loss at the parameters after s steps, s = 0..steps. */
  loss: number[];
  /** Spectral-decoupling penalty after s steps (only when it is on). */
  penalty?: number[];
  final: LayerWeights[];
}

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURE_DIR, f), "utf8")) as Fixture);
}

/** The full learndyn config input of a fixture: its config plus inline data and explicit initial weights. */
export function fixtureConfig(fx: Fixture): Record<string, unknown> {
  return {
    ...fx.config,
    name: fx.name,
    data: { kind: "inline", x: fx.X, y: fx.y },
    init: { scheme: "explicit", weights: fx.initial },
  };
}

/** The train data of a fixture as a learndyn Dataset (built here so the test does not depend on src/data). */
export function fixtureData(fx: Fixture) {
  const n = fx.X.length;
  const d = fx.X[0].length;
  return {
    train: { name: fx.name, n, d, x: Float64Array.from(fx.X.flat()), y: Float64Array.from(fx.y) },
    tests: {},
  };
}

/** |a − b| / max(|a|, |b|), 0 when both are 0. */
export function relErr(a: number, b: number): number {
  const s = Math.max(Math.abs(a), Math.abs(b));
  return s === 0 ? 0 : Math.abs(a - b) / s;
}

/**
 * Largest relative deviation between two weight sets. Each entry is compared relative to the larger of
 * its own size and 1e-3 × the largest entry of its matrix (or bias vector), so an entry that is tiny
 * by cancellation is judged on the scale of its layer rather than of itself.
 */
export function maxWeightDeviation(a: LayerWeights[], b: LayerWeights[]): number {
  let worst = 0;
  const compare = (x: number[], y: number[]) => {
    const scale = 1e-3 * Math.max(...y.map(Math.abs));
    for (let i = 0; i < x.length; i++) {
      const s = Math.max(Math.abs(x[i]), Math.abs(y[i]), scale);
      if (s > 0) worst = Math.max(worst, Math.abs(x[i] - y[i]) / s);
    }
  };
  a.forEach((layer, l) => {
    compare(layer.W.flat(), b[l].W.flat());
    if (layer.b || b[l].b) compare(layer.b ?? [], b[l].b ?? []);
  });
  return worst;
}
