import { z } from "zod";

/**
 * The data part of a run config: which generator and its knobs. Field meanings follow the generator
 * option interfaces in src/data/ (their JSDoc is the reference); this schema validates and fills defaults.
 */
const label = z.union([z.literal(1), z.literal(-1)]);

export const orthogonalSpecSchema = z
  .object({
    kind: z.literal("orthogonal"),
    norms: z
      .array(z.number().finite().positive())
      .min(1)
      .max(100_000)
      .default([1, 1, 1, 1])
      .describe("‖x_k‖ for each point"),
    labels: z.union([z.array(label), z.enum(["alternating", "random", "positive"])]).default("alternating"),
    dim: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("input dimension (≥ number of points; default = number of points)"),
  })
  .strict();

export const featureSchema = z
  .object({
    name: z.string().min(1),
    norm: z.number().finite().positive().default(1),
    frequency: z.number().min(0).max(1).default(1).describe("fraction of points carrying the feature"),
  })
  .strict();

export const featuresSpecSchema = z
  .object({
    kind: z.literal("features"),
    n: z.number().int().positive().max(10_000_000).default(100),
    features: z
      .array(featureSchema)
      .min(1)
      .default([
        { name: "A", norm: 1, frequency: 1 },
        { name: "B", norm: 1, frequency: 0.3 },
      ]),
    noiseDims: z.number().int().nonnegative().default(0),
    noiseStd: z.number().finite().nonnegative().default(0),
  })
  .passthrough();

export const blobsSpecSchema = z
  .object({
    kind: z.literal("blobs"),
    n: z.number().int().positive().max(10_000_000).default(200),
    d: z.number().int().positive().max(100_000).default(2),
    margin: z.number().finite().nonnegative().default(0.5),
    std: z.number().finite().positive().default(1),
  })
  .passthrough();

export const moonsSpecSchema = z
  .object({
    kind: z.literal("moons"),
    n: z.number().int().positive().max(10_000_000).default(300),
    noise: z.number().finite().nonnegative().default(0.1),
    margin: z.number().finite().default(0.1),
  })
  .passthrough();

export const playgroundSpecSchema = z
  .object({
    kind: z.literal("playground"),
    set: z.enum(["circle", "xor", "gauss", "spiral"]).default("circle"),
    n: z.number().int().positive().max(10_000_000).default(200),
    noise: z.number().finite().nonnegative().default(0),
  })
  .passthrough();

export const inlineSpecSchema = z
  .object({
    kind: z.literal("inline"),
    x: z.array(z.array(z.number().finite())).min(1),
    y: z.array(z.number()).min(1),
  })
  .strict();

export const fileSpecSchema = z
  .object({
    kind: z.literal("file"),
    path: z
      .string()
      .min(1)
      .describe("a .csv or .json data file (resolved by the CLI; not available in the lab)"),
    labelColumn: z.string().optional(),
  })
  .strict();

export const dataSpecSchema = z.discriminatedUnion("kind", [
  orthogonalSpecSchema,
  featuresSpecSchema,
  blobsSpecSchema,
  moonsSpecSchema,
  playgroundSpecSchema,
  inlineSpecSchema,
  fileSpecSchema,
]);

export type DataSpecConfig = z.output<typeof dataSpecSchema>;
