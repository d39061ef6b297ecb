import type { Rng } from "../engine/rng.js";
import { type BlobsOptions, blobs } from "./blobs.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { type FeatureMixtureOptions, featureMixture } from "./feature-mixture.js";
import { fromJsonValue } from "./json.js";
import { type LmsOptions, lmsData } from "./lms.js";
import { type OrthogonalOptions, orthogonal } from "./orthogonal.js";
import { type PlaygroundOptions, playground } from "./playground.js";
import { type TwoMoonsOptions, twoMoons } from "./two-moons.js";
import { type TwoPointToyOptions, twoPointToy } from "./two-point-toy.js";
import { show } from "./validate.js";

/** Points given directly in the config. */
export interface InlineOptions {
  /** Name of the data set. Default "inline". */
  name?: string;
  /** Inputs, one row of d numbers per point (every row the same length, finite numbers). */
  x: number[][];
  /** Labels, one per point: all −1/+1 or all 0/1. */
  y: number[];
  /** Optional named test sets in the same form. */
  tests?: Record<string, { x: number[][]; y: number[] }>;
}

/** A data source named in a config: `kind` picks the generator, the other fields are its options. */
export type DataSpec =
  | ({ kind: "orthogonal" } & OrthogonalOptions)
  | ({ kind: "features" } & FeatureMixtureOptions)
  | ({ kind: "blobs" } & BlobsOptions)
  | ({ kind: "moons" } & TwoMoonsOptions)
  | ({ kind: "playground" } & PlaygroundOptions)
  | ({ kind: "lms" } & LmsOptions)
  | ({ kind: "two-point-toy" } & TwoPointToyOptions)
  | ({ kind: "inline" } & InlineOptions);

/** The data kinds. */
export type DataKind = DataSpec["kind"];

/** Every data kind with a one-line description (for `--help` and the lab's menu). */
export const DATA_KINDS: readonly { kind: DataKind; description: string }[] = [
  {
    kind: "orthogonal",
    description: "orthogonal points x_k = r_k e_k with given norms and labels (independent modes)",
  },
  {
    kind: "features",
    description: "label-correlated features with given norms and frequencies (gradient starvation)",
  },
  { kind: "blobs", description: "two Gaussian blobs, linearly separable with a guaranteed margin" },
  { kind: "moons", description: "two moons separable along one axis with margin Δ (Pezeshki et al. 2021)" },
  { kind: "playground", description: "TensorFlow Playground 2-D sets: circle, xor, gauss, spiral" },
  {
    kind: "lms",
    description: "one linear coordinate plus k-slab coordinates, each alone separating (Shah et al. 2020)",
  },
  {
    kind: "two-point-toy",
    description: "two points labelled +1 with features φ = U·diag(Λ)·V (Pezeshki et al. 2021, Fig. 6)",
  },
  {
    kind: "inline",
    description: "points and labels given in the config itself ({x: number[][], y: number[]})",
  },
];

/**
 * Makes the data a spec names. Pure: the same spec and rng state give bit-identical data. Throws an Error
 * naming the field when the spec is invalid.
 */
export function makeData(spec: DataSpec, rng: Rng): DataBundle {
  if (typeof spec !== "object" || spec === null)
    throw new Error(`data: expected an object with a kind, got ${show(spec)}`);
  const { kind, ...options } = spec as { kind: unknown } & Record<string, unknown>;
  switch (kind) {
    case "orthogonal":
      return orthogonal(options as OrthogonalOptions, rng);
    case "features":
      return featureMixture(options as FeatureMixtureOptions, rng);
    case "blobs":
      return blobs(options as BlobsOptions, rng);
    case "moons":
      return twoMoons(options as TwoMoonsOptions, rng);
    case "playground":
      return playground(options as PlaygroundOptions, rng);
    case "lms":
      return lmsData(options as LmsOptions, rng);
    case "two-point-toy":
      // Deterministic: the toy draws nothing (the rng is not used), and it has no test set.
      return { train: twoPointToy(options as unknown as TwoPointToyOptions).data, tests: {} };
    case "inline":
      return inline(options as unknown as InlineOptions);
    default:
      throw new Error(
        `data: kind must be one of ${DATA_KINDS.map((k) => `"${k.kind}"`).join(", ")}, got ${show(kind)}`,
      );
  }
}

function inline(options: InlineOptions): DataBundle {
  const { tests, name, ...rest } = options;
  const train = fromJsonValue({ ...rest, name: name ?? "inline" }, { source: "inline data" });
  const out: Record<string, Dataset> = {};
  if (tests !== undefined) {
    if (typeof tests !== "object" || tests === null || Array.isArray(tests)) {
      throw new Error(`inline data: tests must be an object of named {x, y} sets, got ${show(tests)}`);
    }
    for (const [key, t] of Object.entries(tests)) {
      const test = fromJsonValue({ ...t, name: key }, { source: `inline data, tests.${key}` });
      if (test.d !== train.d) {
        throw new Error(
          `inline data: tests.${key} has d = ${test.d} but the training set has d = ${train.d}`,
        );
      }
      out[key] = test;
    }
  }
  return { train, tests: out };
}
