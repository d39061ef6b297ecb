import { z } from "zod";
import type { AdaptiveGridOptions } from "./adaptive.js";

/**
 * The `adaptive` block of a sweep spec (`learndyn sweep --adaptive`): the spec's axes are the coarse grid
 * (each a linear `range`: from, to, and count points, so count − 1 coarse cells), the block says how fine
 * a boundary is resolved and how a run's outcome is read from its kept scalars. `seeds` are the replicates.
 */

export const outcomeSchema = z
  .object({
    scalar: z.string().min(1).describe('the kept scalar that decides the outcome, e.g. "error"'),
    cuts: z
      .array(z.number().finite())
      .min(1)
      .describe("ascending thresholds: a value below cuts[0] is labels[0], below cuts[1] labels[1], …"),
    labels: z
      .array(z.string().min(1).max(40))
      .describe('one label more than cuts, e.g. ["learned", "failed"] for cuts [0.5]'),
  })
  .strict();

export const theoryLineSchema = z
  .object({
    slope: z.number().finite().describe("dy/dx of the predicted boundary, in axis units"),
    intercept: z.number().finite().describe("its y at x = 0"),
    label: z.string().min(1).describe('legend text, e.g. "theory: b = −a"'),
  })
  .strict();

export const adaptiveSchema = z
  .object({
    resolution: z
      .union([z.number().positive(), z.array(z.number().positive()).min(1)])
      .describe(
        "boundary cells are halved until their side is at most this (one number, or one per axis, in axis units)",
      ),
    outcome: outcomeSchema,
    theory: z
      .array(theoryLineSchema)
      .default([])
      .describe("the theory's boundary as straight lines on the first two axes, drawn dashed in the report"),
  })
  .strict();

export type AdaptiveBlock = z.output<typeof adaptiveSchema>;
export type OutcomeRule = z.output<typeof outcomeSchema>;

/** Outcome labels the runner gives runs that have no scalar to cut. */
export const RESERVED_OUTCOMES = ["diverged", "error"] as const;

/** The parts of a sweep spec the adaptive checks read. */
interface AdaptiveSpecParts {
  axes: readonly {
    name?: string;
    field?: string;
    fields?: string[];
    values?: unknown[];
    range?: { from: number; to: number; count: number; scale: string };
  }[];
  combine: string;
  keep: { scalars: readonly string[] };
  adaptive?: AdaptiveBlock;
}

/** What is wrong with a spec's adaptive block (none: []). */
export function adaptiveProblems(spec: AdaptiveSpecParts): string[] {
  const a = spec.adaptive;
  if (!a) return [];
  const out: string[] = [];
  if (spec.axes.length === 0) out.push("adaptive: give at least one axis with a range to refine");
  if (spec.combine !== "cross") out.push('adaptive: axes must combine "cross" (a grid), not "zip"');
  spec.axes.forEach((axis, i) => {
    // spec.ts's axisName, written out: spec.ts imports this file.
    const where = `axes.${i} ("${axis.name ?? axis.field ?? (axis.fields ?? []).join("+")}")`;
    if (!axis.range) out.push(`${where}: an adaptive axis needs a "range" {from, to, count}, not "values"`);
    else {
      if (axis.range.scale !== "linear")
        out.push(`${where}: an adaptive axis is refined in equal steps: use scale "linear"`);
      if (axis.range.count < 2)
        out.push(`${where}: range.count is the coarse grid's points per axis; use count ≥ 2`);
      if (!(axis.range.from < axis.range.to)) out.push(`${where}: an adaptive range needs from < to`);
    }
  });
  if (Array.isArray(a.resolution) && a.resolution.length !== spec.axes.length)
    out.push(
      `adaptive.resolution has ${a.resolution.length} entries for ${spec.axes.length} axes; give one number or one per axis`,
    );
  const o = a.outcome;
  if (!spec.keep.scalars.includes(o.scalar))
    out.push(
      `adaptive.outcome.scalar "${o.scalar}" is not in keep.scalars (${spec.keep.scalars.join(", ")}); keep it`,
    );
  if (o.cuts.some((c, i) => i > 0 && !(c > (o.cuts[i - 1] as number))))
    out.push(`adaptive.outcome.cuts must be strictly ascending, got [${o.cuts.join(", ")}]`);
  if (o.labels.length !== o.cuts.length + 1)
    out.push(
      `adaptive.outcome.labels needs ${o.cuts.length + 1} labels for ${o.cuts.length} cut(s), got ${o.labels.length}`,
    );
  if (new Set(o.labels).size !== o.labels.length) out.push("adaptive.outcome.labels must be distinct");
  for (const l of o.labels)
    if ((RESERVED_OUTCOMES as readonly string[]).includes(l))
      out.push(
        `adaptive.outcome.labels: "${l}" is reserved (a diverged run is "diverged", a run that failed "error")`,
      );
  return out;
}

/** The refinement options of a checked adaptive spec: bounds and coarse cells from its axes' ranges. */
export function adaptiveGridOptions(spec: {
  axes: readonly { range?: { from: number; to: number; count: number } }[];
  seeds: number;
  adaptive: AdaptiveBlock;
}): AdaptiveGridOptions {
  const ranges = spec.axes.map((a, i) => {
    if (!a.range) throw new Error(`adaptive sweep: axis ${i} has no range`);
    return a.range;
  });
  return {
    bounds: ranges.map((r) => [r.from, r.to] as const),
    initial: ranges.map((r) => r.count - 1),
    resolution: spec.adaptive.resolution,
    replicates: spec.seeds,
  };
}

/**
 * The outcome label of a run: "error" for a run that failed, "diverged" for one that diverged, else its
 * scalar cut by the rule (a missing or non-numeric scalar is "error" too).
 */
export function outcomeOf(
  rule: OutcomeRule,
  status: string,
  scalars: Readonly<Record<string, unknown>>,
): string {
  if (status === "failed") return "error";
  if (status === "diverged") return "diverged";
  const v = scalars[rule.scalar];
  if (typeof v !== "number" || Number.isNaN(v)) return "error";
  let k = 0;
  while (k < rule.cuts.length && v >= (rule.cuts[k] as number)) k++;
  return rule.labels[k] as string;
}
