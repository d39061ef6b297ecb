/**
 * The regime meter's vocabulary: one check per assumption of the theory (docs/THEORY.md §1: gradient flow
 * from a small init, orthogonal inputs, a diagonal first layer, ReLU units), each with the quantity it
 * measured on the run and the bound that quantity is held against.
 */

/** The assumptions the meter checks, in the order it reports them. */
export const REGIME_CHECKS = [
  "optimizer",
  "flowStep",
  "stability",
  "initScale",
  "inputs",
  "units",
  "firstLayer",
  "offDiagonal",
  "fates",
] as const;

/** Name of one assumption (see {@link REGIME_CHECKS}). */
export type RegimeCheckId = (typeof REGIME_CHECKS)[number];

/** One assumption, measured. */
export interface RegimeCheck {
  id: RegimeCheckId;
  /** The assumption in words ("GD stays close to gradient flow: η·‖x‖ ≤ 1"). */
  assumption: string;
  /** The measured quantity's name ("η·max‖x‖"). */
  quantity: string;
  /** Its value on this run, or null when it was not measured or does not apply. */
  value: number | null;
  /** The bound the value is compared with (null when the check is not a comparison of numbers). */
  bound: number | null;
  /** true: holds; false: breaks; null: not measured or not applicable (`why` says which). */
  holds: boolean | null;
  /** One sentence: what was measured and what it means for the theory's predictions. */
  why: string;
}

/** The meter's verdict on one run. */
export interface RegimeVerdict {
  /** Every measured assumption holds (unmeasured ones do not count against it). */
  holds: boolean;
  /** Ids of the assumptions that break, in report order. */
  breaks: RegimeCheckId[];
  /** Ids not measured or not applicable. */
  unmeasured: RegimeCheckId[];
  checks: RegimeCheck[];
  /** One line for people: "theory applies" or "theory does not apply: flowStep (η·‖x‖ = 6 > 1), …". */
  summary: string;
}

/** Builds the verdict from its checks (kept in report order). */
export function verdictOf(checks: RegimeCheck[]): RegimeVerdict {
  const ordered = [...checks].sort((a, b) => REGIME_CHECKS.indexOf(a.id) - REGIME_CHECKS.indexOf(b.id));
  const broken = ordered.filter((c) => c.holds === false);
  const unmeasured = ordered.filter((c) => c.holds === null).map((c) => c.id);
  const summary = broken.length
    ? `theory's assumptions break: ${broken.map(brief).join("; ")}`
    : `theory's assumptions hold (${ordered.length - unmeasured.length} measured${unmeasured.length ? `; not measured: ${unmeasured.join(", ")}` : ""})`;
  return {
    holds: broken.length === 0,
    breaks: broken.map((c) => c.id),
    unmeasured,
    checks: ordered,
    summary,
  };
}

/** "flowStep: η·max‖x‖ = 6 > 1" */
function brief(c: RegimeCheck): string {
  const v = c.value === null ? "" : ` = ${show(c.value)}`;
  const over = c.bound !== null && c.value !== null && c.value > c.bound;
  const b = over ? ` > ${show(c.bound as number)}` : "";
  return `${c.id} (${c.quantity}${v}${b})`;
}

/** Three significant digits, plain. */
export function show(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e6) return String(Number(v.toPrecision(3)));
  return v.toExponential(2);
}

/** A check that compares `value` with an upper `bound` (holds iff value ≤ bound). */
export function atMost(
  id: RegimeCheckId,
  assumption: string,
  quantity: string,
  value: number,
  bound: number,
  ok: string,
  broken: string,
): RegimeCheck {
  const holds = value <= bound;
  return { id, assumption, quantity, value, bound, holds, why: holds ? ok : broken };
}

/** A check that could not be measured or does not apply. */
export function unmeasured(
  id: RegimeCheckId,
  assumption: string,
  quantity: string,
  why: string,
): RegimeCheck {
  return { id, assumption, quantity, value: null, bound: null, holds: null, why };
}

/** The verdict for people: the summary line, then one indented line per broken assumption. */
export function regimeLines(v: RegimeVerdict): string[] {
  return [v.summary, ...v.checks.filter((c) => c.holds === false).map((c) => `  ✗ ${c.id}: ${c.why}`)];
}

/**
 * The verdict as numbers, for a sweep store's scalars: `regime.holds` (1/0), and per check
 * `regime.<id>` (its measured value) and `regime.<id>.holds` (1, 0, or null when not measured).
 */
export function regimeScalars(v: RegimeVerdict): Record<string, number | null> {
  const out: Record<string, number | null> = { "regime.holds": v.holds ? 1 : 0 };
  for (const c of v.checks) {
    out[`regime.${c.id}`] = c.value;
    out[`regime.${c.id}.holds`] = c.holds === null ? null : c.holds ? 1 : 0;
  }
  return out;
}

/** The broken assumptions named by stored scalars (see {@link regimeScalars}); null when none were stored. */
export function regimeFromScalars(scalars: Record<string, number | null>): string | null {
  if (!("regime.holds" in scalars)) return null;
  const broken = REGIME_CHECKS.filter((id) => scalars[`regime.${id}.holds`] === 0);
  return broken.length ? `breaks: ${broken.join(", ")}` : "holds";
}
