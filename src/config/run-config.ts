import { z } from "zod";
import { INPUT_FEATURES } from "../data/input-features.js";
import { ACTIVATIONS } from "../engine/activation.js";
import { LAYER_INIT_SCHEMES } from "../engine/init.js";
import { LOSSES } from "../engine/loss.js";
import { OPTIMIZERS } from "../engine/optimizer.js";
import { recordSchedule } from "../train/schedule.js";
import { scheduleProblem, type ValueSchedule } from "../train/value-schedule.js";
import { dataSpecSchema } from "./data-spec.js";
import { secondOrderSchema } from "./second-order-spec.js";

/**
 * The one JSON format of a run: the CLI's `--config`, the lab's URL state and a sweep's base all use it.
 * Every field has a default, so `{}` is a valid run (the default data set and model).
 */

const finitePositive = z.number().finite().positive();

export const layerInitSchema = z
  .object({
    scheme: z
      .enum(LAYER_INIT_SCHEMES)
      .default("gaussian")
      .describe("distribution or structure of the weights"),
    scale: z
      .number()
      .finite()
      .nonnegative()
      .default(0.1)
      .describe("ε: std (gaussian, half-normal, diagonal) or half-width (uniform)"),
    gain: finitePositive.default(1).describe("multiplier for xavier/he/orthogonal"),
    diagonal: z
      .enum(["half-normal", "gaussian"])
      .default("half-normal")
      .describe("for scheme diagonal: distribution of the diagonal"),
    values: z
      .array(z.number().finite())
      .optional()
      .describe("for scheme diagonal: the diagonal entries, instead of drawing them"),
  })
  .strict();

const layerWeightsSchema = z
  .object({
    W: z.array(z.array(z.number().finite())).describe("weight rows (fan-out × fan-in)"),
    b: z.array(z.number().finite()).optional().describe("biases (fan-out)"),
  })
  .strict();

const drawnInitSchema = layerInitSchema
  .extend({
    layers: z
      .array(layerInitSchema)
      .optional()
      .describe("one entry per layer (first to output), overriding the top-level scheme"),
    balanced: z
      .boolean()
      .default(false)
      .describe(
        "rescale output weights so |w_k| = ‖incoming weights of unit k‖ (the theory's balanced start)",
      ),
  })
  .strict();

export const initSchema = z.union([
  z
    .object({
      scheme: z.literal("explicit"),
      weights: z.array(layerWeightsSchema).optional().describe("per layer {W, b?}, first to output"),
      file: z
        .string()
        .optional()
        .describe("a JSON file holding the weights (as written by `learndyn train`)"),
    })
    .strict()
    .refine((v) => v.weights !== undefined || v.file !== undefined, {
      message: "explicit init needs `weights` or `file`",
    }),
  drawnInitSchema,
]);

export const modelSchema = z
  .object({
    hidden: z
      .array(z.number().int().positive().max(100_000))
      .max(64)
      .default([16])
      .describe("hidden layer widths; [] = linear model"),
    activation: z.enum(ACTIVATIONS).default("relu"),
    bias: z.boolean().default(false).describe("bias in every layer (the theory's nets have none)"),
    leakySlope: z.number().finite().default(0.01).describe("negative-side slope of leaky-relu"),
    diagonalLayers: z
      .array(z.number().int().nonnegative())
      .default([])
      .describe(
        "weight layers (0 = first) constrained diagonal: each input coordinate keeps its own parameters",
      ),
  })
  .strict();

export const lossSchema = z
  .object({
    kind: z.enum(LOSSES).default("ce").describe("ce: log(1+e^-m); hinge: max(0, margin-m); squared: ½(f-y)²"),
    reduction: z
      .enum(["sum", "mean"])
      .default("sum")
      .describe("sum: time t = lr·steps as in the theory; mean: divides by batch size"),
    margin: finitePositive.default(1).describe("hinge margin"),
  })
  .strict();

export const optimizerSchema = z
  .object({
    kind: z.enum(OPTIMIZERS).default("gd").describe("gd: full batch; sgd: minibatches; adam"),
    lr: finitePositive.max(1e6).default(0.01).describe("learning rate η"),
    momentum: z.number().min(0).lt(1).default(0),
    nesterov: z.boolean().default(false),
    batchSize: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(null)
      .describe("minibatch size (sgd default 32; null = full batch)"),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    eps: finitePositive.default(1e-8),
    weightDecay: z.number().finite().nonnegative().default(0).describe("coupled L2: g += λθ"),
  })
  .strict()
  .refine((o) => !o.nesterov || o.momentum > 0, {
    message: "nesterov needs momentum > 0",
    path: ["nesterov"],
  });

export const regularizationSchema = z
  .object({
    spectralDecoupling: z
      .number()
      .finite()
      .nonnegative()
      .default(0)
      .describe("λ of the penalty λ/2·mean(f(x)²) on the logits"),
  })
  .strict();

const stepList = z.array(z.number().int().nonnegative()).min(1);
const valueList = z.array(z.number().finite()).min(1);

/** A number over steps (see train/value-schedule.ts): piecewise constant or piecewise linear. */
export const valueScheduleSchema = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("piecewise"),
        from: stepList.describe("steps at which each value starts (first 0, increasing)"),
        values: valueList.describe("one value per entry of `from`"),
      })
      .strict(),
    z
      .object({
        kind: z.literal("linear"),
        at: stepList.describe("steps of the points (first 0, increasing); constant after the last"),
        values: valueList.describe("one value per entry of `at`"),
      })
      .strict(),
  ])
  .superRefine((s, ctx) => {
    const problem = scheduleProblem(s as ValueSchedule);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * Values that change over the run. Each replaces the constant of the same name for the steps it covers;
 * a field left out keeps its constant.
 */
export const schedulesSchema = z
  .object({
    lr: valueScheduleSchema
      .optional()
      .describe("learning rate η per step (replaces optimizer.lr; time t becomes Σ η over the steps)"),
    weightDecay: valueScheduleSchema
      .optional()
      .describe("coupled L2 λ per step (replaces optimizer.weightDecay)"),
    spectralDecoupling: valueScheduleSchema
      .optional()
      .describe("λ of λ/2·mean(f²) per step (replaces regularization.spectralDecoupling)"),
    lossWeight: valueScheduleSchema
      .optional()
      .describe(
        "weight w of the data term: loss w·mean ℓ + λ/2·mean f², gradient (w·ℓ′ + λf)/n per point; needs loss.reduction mean",
      ),
  })
  .strict();

export const stopSchema = z
  .object({
    targetLoss: z
      .number()
      .finite()
      .nullable()
      .default(null)
      .describe("stop once the training loss is ≤ this"),
    targetError: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .default(null)
      .describe("stop once the training error is ≤ this"),
    plateau: z
      .object({
        window: z.number().int().positive().describe("steps to look back"),
        minRelativeDecrease: z
          .number()
          .finite()
          .nonnegative()
          .describe("stop if the loss fell by less than this fraction over the window"),
      })
      .strict()
      .nullable()
      .default(null),
    divergeAbove: finitePositive
      .default(1e15)
      .describe("a loss above this (or NaN/Inf) ends the run as diverged"),
  })
  .strict();

export const trainSchema = z
  .object({
    steps: z
      .number()
      .int()
      .nonnegative()
      .max(1e9)
      .default(1000)
      .describe("maximum number of optimizer steps"),
    stop: stopSchema.default(stopSchema.parse({})),
    chunk: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        "points per pass of a full-batch gradient (the sum of the chunks' gradients, less memory); absent = one pass",
      ),
  })
  .strict();

export const probesSchema = z
  .object({
    schedule: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("every"), every: z.number().int().positive().default(10) }).strict(),
        z
          .object({ kind: z.literal("log"), perDecade: z.number().int().positive().max(1000).default(20) })
          .strict(),
      ])
      .default({ kind: "every", every: 10 })
      .describe("when to record: every k steps, or log-spaced (perDecade points per factor of 10)"),
    include: z.array(z.string()).default([]).describe("extra probes by name (see `learndyn train --help`)"),
    maxPoints: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("keep at most this many points of per-point probes"),
    secondOrder: secondOrderSchema
      .optional()
      .describe("options of the sharpness, hessian-trace and ntk probes (their schedule, sizes, seed)"),
  })
  .strict();

export const runConfigSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1).describe("config format version"),
    name: z.string().optional().describe("a label for this run"),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(0)
      .describe("seeds data, init and shuffling"),
    data: dataSpecSchema.default(dataSpecSchema.parse({ kind: "orthogonal" })),
    // Optional (no default), like schedules: configs without it parse to the same object as before.
    inputs: z
      .array(z.enum(INPUT_FEATURES))
      .min(1)
      .max(INPUT_FEATURES.length)
      .refine((l) => new Set(l).size === l.length, { message: "list each input feature once" })
      .optional()
      .describe(
        '2-D data only: the features of (x1, x2) the network sees, e.g. ["x1", "x2", "x1*x2"] (Playground\'s feature crosses); absent = the coordinates',
      ),
    model: modelSchema.default(modelSchema.parse({})),
    init: initSchema.default(drawnInitSchema.parse({})),
    loss: lossSchema.default(lossSchema.parse({})),
    optimizer: optimizerSchema.default(optimizerSchema.parse({})),
    regularization: regularizationSchema.default(regularizationSchema.parse({})),
    // Optional (no default) so that configs without schedules parse to the same object as before.
    schedules: schedulesSchema.optional().describe("learning rate and loss-term weights over steps"),
    train: trainSchema.default(trainSchema.parse({})),
    probes: probesSchema.default(probesSchema.parse({})),
  })
  .strict()
  .refine((c) => !c.schedules?.lossWeight || c.loss.reduction === "mean", {
    message: 'schedules.lossWeight weighs a mean loss: set loss.reduction to "mean"',
    path: ["schedules", "lossWeight"],
  })
  .superRefine((c, ctx) => {
    const problem = historyProblem(c.probes.schedule, c.train.steps);
    if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["probes", "schedule"] });
  });

/**
 * Records a history may hold: each is ~100 bytes in memory and in history.json, and the whole history is
 * written as one JSON text (at most ~512 MB in V8), so more records would end a long run in a crash.
 */
export const MAX_RECORDS = 2_000_000;

/** Why a record schedule over `steps` steps cannot be kept (too many records), or null. */
function historyProblem(schedule: RunConfig["probes"]["schedule"], steps: number): string | null {
  // Log schedules keep at most 9 decades × 1000 points; an invalid `every` is reported by its own field.
  if (schedule.kind !== "every" || !Number.isInteger(schedule.every) || schedule.every < 1) return null;
  if (!Number.isInteger(steps) || steps < 0) return null;
  const records = recordSchedule(schedule, steps).length;
  if (records <= MAX_RECORDS) return null;
  const every = Math.ceil(steps / (MAX_RECORDS - 1));
  return `recording every ${schedule.every} steps over train.steps = ${steps} keeps ${records} records, more than a history holds (${MAX_RECORDS}); set probes.schedule.every to at least ${every}, or use { "kind": "log" }`;
}

/** A validated run config with every default filled in. */
export type RunConfig = z.output<typeof runConfigSchema>;
/** A run config as a person writes it (everything optional). */
export type RunConfigInput = z.input<typeof runConfigSchema>;
