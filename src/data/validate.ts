/**
 * Small checks shared by the data generators and loaders. Every check throws an Error that names the
 * generator (`where`), the option field and what is allowed, so a bad config is fixed in one look.
 */

/** Throws unless `value` is an integer in [min, max]. Returns the value. */
export function checkInt(where: string, field: string, value: unknown, min: number, max = Infinity): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${where}: ${field} must be an integer in ${range(min, max)}, got ${show(value)}`);
  }
  return value;
}

/**
 * Throws unless `value` is a finite number in [min, max] (or (min, max] when `openMin`). Returns the value.
 */
export function checkNumber(
  where: string,
  field: string,
  value: unknown,
  min = -Infinity,
  max = Infinity,
  openMin = false,
): number {
  const below = typeof value === "number" && (openMin ? value <= min : value < min);
  if (typeof value !== "number" || !Number.isFinite(value) || below || value > max) {
    const lo = openMin ? `(${min}` : `[${min}`;
    const allowed = min === -Infinity && max === Infinity ? "a finite number" : `a number in ${lo}, ${max}]`;
    throw new Error(`${where}: ${field} must be ${allowed}, got ${show(value)}`);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`. Returns the value. */
export function checkOneOf<T extends string>(
  where: string,
  field: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new Error(
      `${where}: ${field} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${show(value)}`,
    );
  }
  return value as T;
}

/** Throws unless `value` is a boolean. Returns the value. */
export function checkBoolean(where: string, field: string, value: unknown): boolean {
  if (typeof value !== "boolean")
    throw new Error(`${where}: ${field} must be true or false, got ${show(value)}`);
  return value;
}

/** A value for an error message: strings quoted, long things shortened. */
export function show(value: unknown): string {
  let s: string;
  if (typeof value === "string") s = JSON.stringify(value);
  else if (typeof value === "number" || typeof value === "boolean" || value == null) s = String(value);
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function range(min: number, max: number): string {
  return max === Infinity ? `[${min}, ∞)` : `[${min}, ${max}]`;
}

/** How raw labels were read: already ±1, or 0/1 converted to -1/+1. */
export type LabelCoding = "pm1" | "01";

/**
 * Converts raw label values to ±1. Accepts a set that is all in {-1, +1} or all in {0, 1} (0 → -1);
 * anything else throws, naming the first offending label through `at(i)` (e.g. "line 7, column \"y\"").
 */
export function normalizeLabels(
  values: ArrayLike<number>,
  at: (i: number) => string,
): {
  y: Float64Array;
  coding: LabelCoding;
} {
  let sawZero = -1;
  let sawMinus = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === 0) {
      if (sawMinus >= 0) throw mixError(at(i), v, at(sawMinus), -1);
      if (sawZero < 0) sawZero = i;
    } else if (v === -1) {
      if (sawZero >= 0) throw mixError(at(i), v, at(sawZero), 0);
      if (sawMinus < 0) sawMinus = i;
    } else if (v !== 1) {
      throw new Error(`${at(i)}: label ${show(v)} is not binary; labels must be -1/+1 or 0/1`);
    }
  }
  const y = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) y[i] = values[i] === 1 ? 1 : -1;
  return { y, coding: sawZero >= 0 ? "01" : "pm1" };
}

function mixError(here: string, v: number, there: string, other: number): Error {
  return new Error(
    `${here}: label ${v} mixes codings with label ${other} at ${there}; use either -1/+1 or 0/1 throughout`,
  );
}

/** Labels +1, -1, +1, ... (so every prefix is balanced to within one point). */
export function alternatingLabels(n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = i % 2 === 0 ? 1 : -1;
  return y;
}

/**
 * A warning when every label of a data set is the same class: training then only pushes the outputs to
 * one side (the loss falls, error is 0 from the start) and learns nothing about the inputs. Null when
 * both classes are present.
 */
export function oneClassWarning(data: { name: string; n: number; y: ArrayLike<number> }): string | null {
  if (data.n === 0) return null;
  const first = Math.sign(data.y[0]);
  for (let i = 1; i < data.n; i++) if (Math.sign(data.y[i]) !== first) return null;
  return `every one of the ${data.n} labels of ${data.name} is ${first > 0 ? "+1" : "−1"} (one class): the run learns nothing about the inputs; check the label column`;
}
