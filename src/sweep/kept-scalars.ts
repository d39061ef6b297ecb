/**
 * Which kept scalars a sweep's runs can record: the trainer's own fields plus those of the probes the base
 * config includes. A kept scalar nothing records would be a column of nulls in every export; the sweep
 * command refuses it up front, naming the probe to include.
 */
import { PROBES } from "../probes/registry.js";
import { axisFields, type SweepSpec } from "./spec.js";

/** Recorded by every run (the trainer's record, "steps" from the run itself, "penalty" under SD). */
const ALWAYS = ["step", "t", "loss", "error", "steps", "penalty"];

/** The record field a kept scalar reads: "response.1" / "response[1]" → "response". */
function baseName(scalar: string): string {
  return /^(.+?)(?:\.\d+|\[\d+\])$/.exec(scalar)?.[1] ?? scalar;
}

function matches(field: string, name: string): boolean {
  return field.endsWith("*") ? name.startsWith(field.slice(0, -1)) : field === name;
}

/**
 * Problems with `spec.keep.scalars`: one line per scalar that no included probe records, with the probe
 * that would. Empty when every scalar is recorded, or when it cannot be told statically (an axis varies
 * the probes, or an included probe does not declare its fields).
 */
export function unrecordedScalars(spec: SweepSpec): string[] {
  if (spec.axes.some((a) => axisFields(a).some((f) => f === "probes" || f.startsWith("probes.")))) return [];
  const probes = (spec.base.probes as { include?: unknown } | undefined)?.include;
  const names = Array.isArray(probes) ? probes.filter((p): p is string => typeof p === "string") : [];
  const included = PROBES.filter((p) => names.includes(p.name));
  // An unknown probe name is the config's own error, reported when the runs are built.
  if (included.length < names.length || included.some((p) => !p.fields)) return [];
  const recorded = [...ALWAYS, ...included.flatMap((p) => p.fields ?? [])];
  const problems: string[] = [];
  for (const s of spec.keep.scalars) {
    const name = baseName(s);
    if (recorded.some((f) => matches(f, name))) continue;
    const by = PROBES.find((p) => p.fields?.some((f) => matches(f, name)));
    problems.push(
      by
        ? `keep.scalars: "${s}" is recorded by the probe "${by.name}", which base.probes.include does not name; add it ("probes": { "include": [${[...names, by.name].map((n) => `"${n}"`).join(", ")}] })`
        : `keep.scalars: no probe records "${s}" (recorded: ${recorded.join(", ")}); remove it or fix its name`,
    );
  }
  return problems;
}
