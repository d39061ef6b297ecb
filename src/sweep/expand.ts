import type { RunConfig } from "../config/run-config.js";
import { ConfigError, parseRunConfig } from "../config/validate.js";
import { hashString } from "../engine/rng.js";
import { setField } from "./field-path.js";
import { canonicalJson, contentHash } from "./hash.js";
import { type Axis, axisFields, axisName, type SweepSpec } from "./spec.js";

/** Sweeps with more runs than this need an explicit confirmation (`--yes`). */
export const CONFIRM_ABOVE_RUNS = 100_000;

/** One point of a sweep: a combination of axis values. */
export interface SweepPoint {
  /** Position in the sweep (0-based; cross: the last axis varies fastest). */
  index: number;
  /** Canonical JSON of the axis values: the point's identity in a store. */
  key: string;
  /** One value per axis, as written in the spec (before `derive`). */
  values: unknown[];
}

/** A sweep spec made ready to enumerate: sizes, hashes and random access to points. */
export interface SweepPlan {
  spec: SweepSpec;
  /** Identity of the sweep's results (base, axes, combine, seeds, keep): a store holds one spec hash. */
  specHash: string;
  /** Hash of what determines each run (base, axes, combine): the seed material. */
  seedHash: string;
  /** Axis names, in spec order. */
  axisNames: string[];
  /** Number of points. */
  pointCount: number;
  /** Number of runs (points × seeds). */
  runCount: number;
  /** The point at `index` (0 ≤ index < pointCount), computed without expanding the others. */
  pointAt(index: number): SweepPoint;
}

/** Number of values of an axis. */
export function axisLength(axis: Axis): number {
  return axis.values ? axis.values.length : (axis.range?.count ?? 0);
}

/** Rounds to 12 significant digits, so 0.1-steps and powers of ten come out as written (0.3, not 0.30000000000000004). */
function tidy(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(12));
}

/** The i-th value of an axis (lists as given; ranges computed, both ends exact). */
export function axisValueAt(axis: Axis, i: number): unknown {
  if (axis.values) return axis.values[i];
  const r = axis.range;
  if (!r) throw new Error(`axis "${axisName(axis)}" has neither values nor range`);
  if (r.count === 1 || i === 0) return r.from;
  if (i === r.count - 1) return r.to;
  const f = i / (r.count - 1);
  if (r.scale === "log")
    return tidy(10 ** (Math.log10(r.from) + (Math.log10(r.to) - Math.log10(r.from)) * f));
  return tidy(r.from + (r.to - r.from) * f);
}

/** Every value of an axis. */
export function axisValues(axis: Axis): unknown[] {
  return Array.from({ length: axisLength(axis) }, (_, i) => axisValueAt(axis, i));
}

/** Prepares a validated spec for running; throws if two points would have the same key. */
export function planSweep(spec: SweepSpec): SweepPlan {
  const lengths = spec.axes.map(axisLength);
  const pointCount =
    spec.axes.length === 0 ? 1 : spec.combine === "zip" ? lengths[0] : lengths.reduce((a, b) => a * b, 1);
  const identity = { base: spec.base, axes: spec.axes, combine: spec.combine };
  const specHash = contentHash({ ...identity, seeds: spec.seeds, keep: spec.keep });
  const seedHash = contentHash(identity);
  for (const axis of spec.axes) {
    if (spec.combine === "zip" || axisLength(axis) > 100_000) continue;
    const seen = new Map<string, number>();
    axisValues(axis).forEach((v, i) => {
      const k = canonicalJson(v);
      if (seen.has(k)) {
        throw new Error(
          `axis "${axisName(axis)}": value ${k} appears twice (positions ${seen.get(k)} and ${i}); each value must be distinct`,
        );
      }
      seen.set(k, i);
    });
  }
  const pointAt = (index: number): SweepPoint => {
    if (!Number.isInteger(index) || index < 0 || index >= pointCount) {
      throw new RangeError(`point index ${index} out of range 0..${pointCount - 1}`);
    }
    const values: unknown[] = new Array(spec.axes.length);
    if (spec.combine === "zip") {
      for (let k = 0; k < spec.axes.length; k++) values[k] = axisValueAt(spec.axes[k], index);
    } else {
      let rest = index;
      for (let k = spec.axes.length - 1; k >= 0; k--) {
        values[k] = axisValueAt(spec.axes[k], rest % lengths[k]);
        rest = Math.floor(rest / lengths[k]);
      }
    }
    return { index, key: canonicalJson(values), values };
  };
  if (spec.combine === "zip" && pointCount <= 1_000_000) {
    const seen = new Map<string, number>();
    for (let i = 0; i < pointCount; i++) {
      const { key } = pointAt(i);
      if (seen.has(key)) throw new Error(`zipped points ${seen.get(key)} and ${i} are the same (${key})`);
      seen.set(key, i);
    }
  }
  return {
    spec,
    specHash,
    seedHash,
    axisNames: spec.axes.map(axisName),
    pointCount,
    runCount: pointCount * spec.seeds,
    pointAt,
  };
}

/**
 * The seed of run `seedIndex` of a point: a hash of (sweep seed hash, point key, seed index). It depends
 * on nothing else, so a point's result is the same whatever the worker count, order or shard.
 */
export function pointSeed(seedHash: string, pointKey: string, seedIndex: number): number {
  return hashString(`${seedHash}|${pointKey}|${seedIndex}`);
}

/** The (field, value) assignments one axis value makes. */
export function axisAssignments(axis: Axis, value: unknown): [string, unknown][] {
  const fields = axisFields(axis);
  if (axis.field !== undefined) return [[axis.field, value]];
  if (axis.derive) {
    const v = value as number;
    return fields.map((f, i) => {
      const d = axis.derive?.[i] ?? { power: 1, times: 1, plus: 0 };
      return [f, tidy(d.times * (d.power === 1 ? v : v ** d.power) + d.plus)];
    });
  }
  if (Array.isArray(value) && value.length === fields.length) return fields.map((f, i) => [f, value[i]]);
  return fields.map((f) => [f, value]);
}

/** A point whose config does not validate: names the point, the axis and the value. */
export class SweepPointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SweepPointError";
  }
}

function describePoint(plan: SweepPlan, point: SweepPoint): string {
  return plan.axisNames.map((n, k) => `${n} = ${canonicalJson(point.values[k])}`).join(", ");
}

let defaultsCache: { base: unknown; parsed: Record<string, unknown> | undefined } | null = null;

function parsedBase(spec: SweepSpec): Record<string, unknown> | undefined {
  if (defaultsCache?.base === spec.base) return defaultsCache.parsed;
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = parseRunConfig(spec.base) as unknown as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  defaultsCache = { base: spec.base, parsed };
  return parsed;
}

/** The raw (unvalidated) config of a point: base, then each axis's fields, then the derived seed. */
export function rawPointConfig(
  plan: SweepPlan,
  point: SweepPoint,
  seedIndex: number,
): Record<string, unknown> {
  const { spec } = plan;
  const raw = structuredClone(spec.base) as Record<string, unknown>;
  const defaults = parsedBase(spec);
  let seedSet = false;
  spec.axes.forEach((axis, k) => {
    for (const [field, v] of axisAssignments(axis, point.values[k])) {
      setField(raw, field, structuredClone(v), defaults);
      if (field === "seed") seedSet = true;
    }
  });
  if (!seedSet) raw.seed = pointSeed(plan.seedHash, point.key, seedIndex);
  return raw;
}

/**
 * The validated run config of (point, seed index). Throws SweepPointError naming the axis and value
 * that made it invalid (or the base config, when no axis touches the bad field).
 */
export function pointConfig(plan: SweepPlan, point: SweepPoint, seedIndex: number): RunConfig {
  const raw = rawPointConfig(plan, point, seedIndex);
  try {
    return parseRunConfig(raw);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const lines = e.problems.map((problem) => {
      const path = problem.slice(0, problem.indexOf(":"));
      const culprits = plan.spec.axes
        .map((axis, k) => ({ axis, k }))
        .filter(({ axis }) =>
          axisFields(axis).some((f) => f === path || f.startsWith(`${path}.`) || path.startsWith(`${f}.`)),
        )
        .map(({ axis, k }) => `axis "${axisName(axis)}" = ${canonicalJson(point.values[k])}`);
      return culprits.length
        ? `${problem} (set by ${culprits.join(", ")})`
        : `${problem} (from the base config)`;
    });
    throw new SweepPointError(
      `sweep "${plan.spec.name}", ${plan.spec.axes.length ? `point ${point.index} (${describePoint(plan, point)})` : "its base (the one point of a sweep without axes)"} is not a valid run config:\n${lines.map((l) => `  - ${l}`).join("\n")}`,
    );
  }
}

/**
 * Checks every value of every axis on its own against the base (the first value of the other axes), so a
 * bad value is reported before anything runs. Throws SweepPointError for the first bad value.
 */
export function checkAxisValues(plan: SweepPlan): void {
  const { spec } = plan;
  if (plan.pointCount === 0) return;
  const first = plan.pointAt(0);
  // The first point on its own: with no axes it is the base, which nothing else would check.
  pointConfig(plan, first, 0);
  if (spec.combine === "zip") {
    for (let i = 0; i < Math.min(plan.pointCount, 100_000); i++) pointConfig(plan, plan.pointAt(i), 0);
    return;
  }
  spec.axes.forEach((axis, k) => {
    const n = Math.min(axisLength(axis), 100_000);
    const stride = spec.axes.slice(k + 1).reduce((a, b) => a * axisLength(b), 1);
    for (let i = 0; i < n; i++) {
      const values = [...first.values];
      values[k] = axisValueAt(axis, i);
      pointConfig(plan, { index: i * stride, key: canonicalJson(values), values }, 0);
    }
  });
}
