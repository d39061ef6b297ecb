/**
 * A GAN run as one plain JSON config, validated with zod: the data, both networks, the loss, the
 * optimizer, the update schedule and the seed determine the run bit for bit (same machine and backend).
 */
import { z } from "zod";
import { GAN_LOSSES } from "./losses.js";

const positiveInt = z.number().int().positive();
const width = z.number().int().positive().max(4096);

export const ganConfigSchema = z
  .object({
    data: z
      .enum(["ring", "grid"])
      .default("ring")
      .describe("8 Gaussians on a ring (radius 2, σ 0.02) or 5×5 grid (σ 0.05)"),
    loss: z.enum(GAN_LOSSES).default("hinge").describe("minimax | nonsaturating (cross-entropy) | hinge"),
    optimizer: z
      .object({
        kind: z.enum(["adam", "sgd"]).default("adam").describe("Adam or plain SGD (PyTorch update rules)"),
        lr: z.number().finite().positive().default(1e-4).describe("learning rate of both networks"),
        generatorLr: z
          .number()
          .finite()
          .positive()
          .optional()
          .describe("learning rate of the generator when it differs from lr"),
        beta1: z.number().min(0).lt(1).default(0.5).describe("Adam β1"),
        beta2: z.number().min(0).lt(1).default(0.999).describe("Adam β2"),
        eps: z.number().positive().default(1e-8).describe("Adam ε"),
        momentum: z.number().min(0).lt(1).default(0).describe("SGD heavy-ball momentum"),
      })
      .strict()
      .prefault({}),
    generator: z
      .object({
        hidden: z.array(width).default([128, 128]).describe("hidden widths (ReLU)"),
        noiseDim: positiveInt.max(256).default(2).describe("dimension of the noise z ~ N(0, I)"),
      })
      .strict()
      .prefault({}),
    discriminator: z
      .object({ hidden: z.array(width).default([128, 128]).describe("hidden widths (ReLU)") })
      .strict()
      .prefault({}),
    batchSize: positiveInt.max(65536).default(256).describe("real and fake samples per update"),
    iterations: positiveInt.default(2000).describe("generator updates"),
    dSteps: positiveInt.max(100).default(1).describe("discriminator updates before each generator update"),
    gSteps: positiveInt.max(100).default(1).describe("generator updates per round (usually 1)"),
    recordEvery: positiveInt.default(100).describe("generator updates between measurements"),
    evalSamples: positiveInt
      .max(100000)
      .default(2500)
      .describe("generated samples per mode measurement (2500 in VEEGAN/PacGAN)"),
    seed: z.number().int().default(0).describe("seed of every random draw (init, noise, data)"),
  })
  .strict();

/** A validated GAN run config (every default filled in). */
export type GanConfig = z.output<typeof ganConfigSchema>;

/** A GAN config as written by a person: any field may be left out. */
export type GanConfigInput = z.input<typeof ganConfigSchema>;

/** Validates a config; throws an Error listing every problem with its path. */
export function parseGanConfig(input: unknown): GanConfig {
  const r = ganConfigSchema.safeParse(input ?? {});
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
    throw new Error(`invalid GAN config:\n${lines.join("\n")}`);
  }
  return r.data;
}
