import { z } from "zod";

/**
 * The data part of a run config: which generator and its knobs. The generators in src/data/ validate
 * their options again and their JSDoc is the reference for each field; this schema fills defaults so a
 * saved config is complete, and rejects misspelt fields.
 */
const label = z.union([z.literal(1), z.literal(-1)]);
const count = z.number().int().positive().max(100_000);
const norm = z.number().finite().positive().max(1e6);

export const orthogonalSpecSchema = z
  .object({
    kind: z.literal("orthogonal"),
    norms: z
      .union([z.array(norm).min(1).max(4096), norm])
      .default([1, 1, 1, 1])
      .describe("‖x_k‖ per point, or one norm for `count` points"),
    count: z
      .number()
      .int()
      .positive()
      .max(4096)
      .optional()
      .describe("number of points when `norms` is one number"),
    labels: z.union([z.array(label), z.enum(["alternating", "random", "positive"])]).default("alternating"),
    dim: z
      .number()
      .int()
      .positive()
      .max(4096)
      .optional()
      .describe("input dimension (≥ number of points; default = number of points)"),
  })
  .strict();

export const featureSchema = z
  .object({
    name: z.string().min(1).max(40),
    norm: norm.default(1),
    frequency: z.number().min(0).max(1).default(1).describe("fraction of points carrying the feature"),
    correlation: z.enum(["correlated", "anti", "uncorrelated"]).default("correlated"),
  })
  .strict();

export const featuresSpecSchema = z
  .object({
    kind: z.literal("features"),
    n: count.default(100),
    features: z
      .array(featureSchema)
      .min(1)
      .max(64)
      .default([
        { name: "A", norm: 1, frequency: 1, correlation: "correlated" },
        { name: "B", norm: 1, frequency: 0.5, correlation: "correlated" },
      ]),
    basis: z.enum(["standard", "random"]).default("standard"),
    noiseDims: z.number().int().nonnegative().max(4096).default(0),
    noiseStd: z.number().finite().nonnegative().default(0),
    nTest: count.optional().describe("points per test set (default n)"),
    carriers: z
      .enum(["independent", "disjoint"])
      .optional()
      .describe("independent (default): carriers drawn per feature; disjoint: no point carries two features"),
  })
  .strict();

export const blobsSpecSchema = z
  .object({
    kind: z.literal("blobs"),
    n: count.default(200),
    d: z.number().int().positive().max(4096).default(2),
    std: z.number().finite().positive().default(1),
    separation: z.number().finite().positive().default(4).describe("distance between the two means"),
    margin: z
      .number()
      .finite()
      .nonnegative()
      .default(0.5)
      .describe("guaranteed margin along the mean difference"),
    direction: z.enum(["axis", "random"]).default("axis"),
    nTest: count.optional(),
  })
  .strict();

export const moonsSpecSchema = z
  .object({
    kind: z.literal("moons"),
    n: count.default(300),
    noise: z.number().finite().nonnegative().default(0.1),
    margin: z
      .number()
      .finite()
      .default(0.1)
      .describe("Δ: gap between the classes along the separating axis (negative overlaps)"),
    rotation: z.number().finite().default(0).describe("degrees"),
    nTest: count.optional(),
  })
  .strict();

export const playgroundSpecSchema = z
  .object({
    kind: z.literal("playground"),
    set: z.enum(["circle", "xor", "gauss", "spiral"]).default("circle"),
    n: count.default(250),
    nTest: count.optional(),
    noise: z.number().min(0).max(0.5).default(0),
  })
  .strict();

/** LMS points: the generator takes up to 200,000 (the paper trains on 100,000). */
const lmsCount = z.number().int().min(2).max(200_000);

export const lmsSpecSchema = z
  .object({
    kind: z.literal("lms"),
    n: lmsCount.default(2000).describe("training points (Shah et al.: 100000)"),
    nTest: lmsCount.default(1000).describe('points of the test set "test" (Shah et al.: 2000)'),
    slabs: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(19)
      .describe("k-slab coordinates after the linear one (LMS-5 of Shah et al.: 19)"),
    k: z
      .literal([3, 5], {
        error: (iss) => `must be 3 or 5 (slabs per coordinate), got ${JSON.stringify(iss.input)}`,
      })
      .default(5)
      .describe("slabs per slab coordinate: 3 or 5"),
    linearMargin: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.1)
      .describe("margin of the linear coordinate (column 0) as a fraction of its width, in (0, 1)"),
    slabMargin: z
      .number()
      .gt(0)
      .default(0.1)
      .describe("margin between slabs as a fraction of the width: below 0.25 (k = 5) or 0.5 (k = 3)"),
    noise: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(0)
      .describe("extra uniform-noise coordinates after the slabs"),
    randomizedTests: z
      .boolean()
      .default(false)
      .describe(
        'also test sets "S-randomized" (linear column shuffled) and "Sc-randomized" (slabs shuffled), for the test-accuracy probe',
      ),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const limit = spec.k === 5 ? 0.25 : 0.5;
    if (spec.slabMargin >= limit)
      ctx.addIssue({
        code: "custom",
        path: ["slabMargin"],
        message: `must be below ${limit} when k = ${spec.k} (the slabs need room), got ${spec.slabMargin}; use e.g. 0.1`,
      });
  });

const toyStrength = z
  .number()
  .gt(0, { error: "must be a strength in (0, 1000]: above 0 (a feature of strength 0 is no feature)" })
  .max(1000, { error: "must be a strength in (0, 1000]" });
const COUPLING =
  "must be in (−1, 1), ends excluded: the sine of U's rotation (0 decouples the features; the paper uses 0.5)";

export const twoPointToySpecSchema = z
  .object({
    kind: z.literal("two-point-toy"),
    strength1: toyStrength
      .default(4)
      .describe("strength Λ₁ of feature 1 (Pezeshki et al. sweep 2…6), in (0, 1000]"),
    strength2: toyStrength.default(2).describe("strength Λ₂ of feature 2 (the paper: 2), in (0, 1000]"),
    coupling: z
      .number()
      .gt(-1, { error: COUPLING })
      .lt(1, { error: COUPLING })
      .default(0.5)
      .describe("sine s of U's rotation, in (−1, 1): 0 decouples the features, the paper uses 0.5"),
    vAngle: z
      .number()
      .finite()
      .default(0.7)
      .describe("angle of V in radians (moves θ, not the feature coordinates z)"),
  })
  .strict();

const pointsSchema = z
  .object({ x: z.array(z.array(z.number().finite())).min(1), y: z.array(z.number()).min(1) })
  .strict();

export const inlineSpecSchema = z
  .object({
    kind: z.literal("inline"),
    name: z.string().optional(),
    x: z.array(z.array(z.number().finite())).min(1),
    y: z.array(z.number()).min(1),
    tests: z.record(z.string(), pointsSchema).optional(),
  })
  .strict();

export const fileSpecSchema = z
  .object({
    kind: z.literal("file"),
    path: z.string().min(1).describe("a .csv or .json data file (read by the CLI; the lab uploads instead)"),
    labelColumn: z.string().optional(),
  })
  .strict();

export const dataSpecSchema = z.discriminatedUnion("kind", [
  orthogonalSpecSchema,
  featuresSpecSchema,
  blobsSpecSchema,
  moonsSpecSchema,
  playgroundSpecSchema,
  lmsSpecSchema,
  twoPointToySpecSchema,
  inlineSpecSchema,
  fileSpecSchema,
]);

export type DataSpecConfig = z.output<typeof dataSpecSchema>;
