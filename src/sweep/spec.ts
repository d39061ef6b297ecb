import { z } from "zod";
import { ConfigError, describeIssues } from "../config/validate.js";
import { adaptiveProblems, adaptiveSchema } from "./adaptive-spec.js";
import { checkFieldPath } from "./field-path.js";

/**
 * The JSON format of a sweep: a base run config, axes that vary fields of it, how the axes combine,
 * seeds per point, and what to keep of each run. Validated with zod; `parseSweepSpec` adds the checks
 * zod cannot express (field paths exist in the run-config schema, names are unique, ranges are not empty).
 */

export const rangeSchema = z
  .object({
    from: z.number().finite().describe("first value"),
    to: z.number().finite().describe("last value (included)"),
    count: z.number().int().describe("number of values (≥ 1; 1 gives just `from`)"),
    scale: z
      .enum(["linear", "log"])
      .default("linear")
      .describe("linear: equal steps; log: equal ratios (from and to must be > 0)"),
  })
  .strict();

export const deriveSchema = z
  .object({
    power: z.number().finite().default(1).describe("exponent applied to the axis value"),
    times: z.number().finite().default(1).describe("multiplier"),
    plus: z.number().finite().default(0).describe("offset"),
  })
  .strict()
  .describe("a field set to times · value^power + plus");

export const axisSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(80)
      .optional()
      .describe("column name in exports and figures (default: the field path, or the fields joined by +)"),
    field: z.string().min(1).optional().describe('the run-config field this axis sets, e.g. "optimizer.lr"'),
    fields: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        "several fields set together: a value that is an array of fields.length entries gives one entry per field; any other value is given to every field (through `derive` when present)",
      ),
    values: z.array(z.unknown()).optional().describe("the values, in order"),
    range: rangeSchema.optional().describe("evenly spaced numbers instead of a list"),
    derive: z
      .array(deriveSchema)
      .optional()
      .describe("with `fields`: per field, a function of the (numeric) axis value"),
  })
  .strict();

export const keepSchema = z
  .object({
    scalars: z
      .array(z.string().min(1))
      .default(["loss", "error"])
      .describe(
        'final values to keep: fields of the last history record ("loss", "error", "t", "marginMin", "accuracy:B-only"), array entries as "response.1", or "steps" (steps taken)',
      ),
    history: z
      .union([
        z.literal(false),
        z
          .object({ points: z.number().int().min(2).max(10_000).describe("records kept (evenly spaced)") })
          .strict(),
      ])
      .default(false)
      .describe("false, or keep the scalar part of the history downsampled to `points` records"),
  })
  .strict();

export const heatmapHintSchema = z
  .object({
    x: z.string().describe("axis name on the horizontal"),
    y: z.string().describe("axis name on the vertical"),
    value: z.string().describe("kept scalar shown as colour (mean over seeds)"),
    title: z.string().optional(),
    center: z.number().optional().describe("middle of the diverging colour scale"),
  })
  .strict();

export const scalingHintSchema = z
  .object({
    x: z
      .union([z.string(), z.array(z.string()).min(1)])
      .describe("axis name, or several whose product is the horizontal"),
    y: z.string().describe("kept scalar on the vertical"),
    by: z.string().optional().describe("axis name: one series (and one fitted slope) per value"),
    title: z.string().optional(),
    xTitle: z.string().optional(),
    yTitle: z.string().optional(),
    expectedSlope: z.string().optional().describe("what the theory says, shown under the title"),
  })
  .strict();

export const sweepSpecSchema = z
  .object({
    $schema: z.string().optional(),
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, "use letters, digits, '.', '_' and '-' (≤ 80 characters)")
      .describe("the sweep's name (default store: runs/<name>.db)"),
    description: z.string().optional(),
    base: z.record(z.string(), z.unknown()).default({}).describe("the run config every point starts from"),
    axes: z.array(axisSchema).default([]).describe("what varies; no axes = one point"),
    combine: z
      .enum(["cross", "zip"])
      .default("cross")
      .describe("cross: every combination; zip: the i-th values of all axes together"),
    seeds: z.number().int().min(1).max(100_000).default(1).describe("runs per point, with derived seeds"),
    keep: keepSchema.default(keepSchema.parse({})),
    report: z
      .object({
        heatmaps: z.array(heatmapHintSchema).default([]),
        scaling: z.array(scalingHintSchema).default([]),
      })
      .strict()
      .optional()
      .describe("figures for `learndyn report --store` (default: chosen from the axes)"),
    adaptive: adaptiveSchema
      .optional()
      .describe("refine the axes' grid where the outcome changes (`learndyn sweep --adaptive`)"),
  })
  .strict();

export type SweepSpecInput = z.input<typeof sweepSpecSchema>;
export type SweepSpec = z.output<typeof sweepSpecSchema>;
export type Axis = z.output<typeof axisSchema>;
export type AxisRange = z.output<typeof rangeSchema>;

/** The axis's name: its `name`, else its field, else its fields joined by "+". */
export function axisName(axis: Axis): string {
  return axis.name ?? axis.field ?? (axis.fields ?? []).join("+");
}

/** The fields an axis sets. */
export function axisFields(axis: Axis): string[] {
  return axis.field !== undefined ? [axis.field] : (axis.fields ?? []);
}

/** Validates a sweep spec (filling defaults); throws ConfigError listing every problem. */
export function parseSweepSpec(input: unknown, source = "sweep spec"): SweepSpec {
  const result = sweepSpecSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ConfigError(source, describeIssues(result.error.issues));
  const spec = result.data;
  const problems: string[] = [];
  const names = new Set<string>();
  spec.axes.forEach((axis, i) => {
    const where = `axes.${i}`;
    if ((axis.field === undefined) === (axis.fields === undefined)) {
      problems.push(`${where}: give exactly one of "field" (one field) or "fields" (several)`);
    }
    if ((axis.values === undefined) === (axis.range === undefined)) {
      problems.push(`${where}: give exactly one of "values" (a list) or "range" ({from, to, count, scale})`);
    }
    const name = axisName(axis);
    if (names.has(name))
      problems.push(`${where}: axis name "${name}" is used twice; set "name" to tell them apart`);
    names.add(name);
    for (const field of axisFields(axis)) {
      const problem = checkFieldPath(field);
      if (problem) problems.push(`${where} ("${name}"): ${problem}`);
    }
    if (axis.values !== undefined && axis.values.length === 0) {
      problems.push(
        `${where} ("${name}"): "values" is empty, so the sweep has no points; list at least one value`,
      );
    }
    if (axis.range) problems.push(...checkRange(axis.range).map((p) => `${where} ("${name}"): ${p}`));
    if (axis.derive) {
      if (!axis.fields) problems.push(`${where} ("${name}"): "derive" needs "fields" (one entry per field)`);
      else if (axis.derive.length !== axis.fields.length) {
        problems.push(
          `${where} ("${name}"): "derive" has ${axis.derive.length} entries but "fields" has ${axis.fields.length}`,
        );
      }
      if (axis.values?.some((v) => typeof v !== "number")) {
        problems.push(`${where} ("${name}"): with "derive", every value must be a number`);
      }
    }
    if (axis.fields && axis.values && !axis.derive) {
      const n = axis.fields.length;
      const bad = axis.values.findIndex((v) => Array.isArray(v) && v.length !== n);
      if (bad >= 0) {
        problems.push(
          `${where} ("${name}"): value ${bad} is an array of ${(axis.values[bad] as unknown[]).length} entries, but there are ${n} fields (give one entry per field, or a single value for all)`,
        );
      }
    }
    if (axisFields(axis).includes("seed") && spec.seeds > 1) {
      problems.push(
        `${where}: an axis over "seed" sets the seed itself, so "seeds" must be 1 (it is ${spec.seeds})`,
      );
    }
  });
  if (spec.combine === "zip" && spec.axes.length > 1) {
    const lengths = spec.axes.map((a) => (a.values ? a.values.length : (a.range?.count ?? 0)));
    if (new Set(lengths).size > 1) {
      problems.push(
        `combine "zip" needs axes of equal length; got ${spec.axes.map((a, i) => `${axisName(a)}: ${lengths[i]}`).join(", ")}`,
      );
    }
  }
  const hints = spec.report;
  if (hints) {
    const keep = new Set(spec.keep.scalars);
    const checkAxis = (n: string, where: string) => {
      if (!names.has(n))
        problems.push(`${where}: no axis named "${n}" (axes: ${[...names].join(", ") || "none"})`);
    };
    const checkScalar = (n: string, where: string) => {
      if (!keep.has(n)) problems.push(`${where}: "${n}" is not in keep.scalars (${[...keep].join(", ")})`);
    };
    hints.heatmaps.forEach((h, i) => {
      checkAxis(h.x, `report.heatmaps.${i}.x`);
      checkAxis(h.y, `report.heatmaps.${i}.y`);
      checkScalar(h.value, `report.heatmaps.${i}.value`);
    });
    hints.scaling.forEach((s, i) => {
      for (const x of Array.isArray(s.x) ? s.x : [s.x]) checkAxis(x, `report.scaling.${i}.x`);
      if (s.by !== undefined) checkAxis(s.by, `report.scaling.${i}.by`);
      checkScalar(s.y, `report.scaling.${i}.y`);
    });
  }
  problems.push(...adaptiveProblems(spec));
  if (problems.length) throw new ConfigError(source, problems);
  return spec;
}

function checkRange(r: AxisRange): string[] {
  const out: string[] = [];
  if (r.count < 1) out.push(`range.count is ${r.count}: an empty range gives no points; use count ≥ 1`);
  if (r.scale === "log" && (r.from <= 0 || r.to <= 0)) {
    out.push(`a log range needs from > 0 and to > 0 (got from ${r.from}, to ${r.to}); use scale "linear"`);
  }
  return out;
}
