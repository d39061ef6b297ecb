import type { RunConfigInput } from "../../config/run-config.js";
import { runChunked } from "../../kit/measure/chunked-runs.js";
import { exactSettingConfig } from "../../kit/measure/exact-setting.js";
import { classifyInit, type Fate } from "../../theory/failure-regions.js";
import { flipTimeExact } from "../../theory/flip-time.js";
import { simulateMode } from "../../theory/mode-dynamics.js";

/** Simulated fate of a mode at the end of a run. */
export type Outcome = "dead" | "learned" | "recovered" | "failed" | "undecided";

/** The outcome the theory's fate implies. */
export function expectedOutcome(fate: Fate): Outcome {
  if (fate === "dead") return "dead";
  if (fate === "correct") return "learned";
  if (fate === "recovers") return "recovered";
  if (fate === "fails") return "failed";
  return "undecided";
}

/** Options of {@link measureModes}: given starts (a_k, b_k), all y = +1, simulated in the exact setting. */
export interface ModesOptions {
  /** Initial first-layer weights. */
  a: readonly number[];
  /** Initial output weights. */
  b: readonly number[];
  /** Input norm (default 1). */
  r?: number;
  /** Loss (default "ce"). */
  loss?: "ce" | "hinge";
  /** Learning rate (default 0.02). */
  lr?: number;
  /** Gradient-flow time to run (default 20). */
  time?: number;
  /** Record every k steps instead of log-spaced (for decision times). */
  every?: number;
  /** Points per engine run (default 20). */
  chunk?: number;
}

/** Per-mode results. */
export interface ModesMeasurement {
  /** Record times. */
  t: number[];
  /** a[j][k], b[j][k], margin[j][k] at record j. */
  a: number[][];
  b: number[][];
  margin: number[][];
  /** Simulated outcome of each mode at the end. */
  outcome: Outcome[];
  /** First record time at which the mode was decided (margin > 0 or a ≤ 0); Infinity if never; 0 if at start. */
  decidedAt: number[];
  /** Config of the first engine run. */
  config: RunConfigInput;
}

/** Simulates modes from given starts (y = +1) and reads each one's fate from the a, b, margin probes. */
export function measureModes(o: ModesOptions): ModesMeasurement {
  const r = o.r ?? 1;
  const lr = o.lr ?? 0.02;
  const steps = Math.ceil((o.time ?? 20) / lr);
  const runs = runChunked({
    count: o.a.length,
    chunk: o.chunk ?? 20,
    keys: ["a", "b", "margin"],
    build: (offset, size) =>
      exactSettingConfig({
        norms: new Array<number>(size).fill(r),
        labels: new Array<number>(size).fill(1),
        a: o.a.slice(offset, offset + size),
        b: o.b.slice(offset, offset + size),
        loss: o.loss ?? "ce",
        lr,
        steps,
        every: o.every,
        perDecade: 40,
        probes: ["diagonal-modes", "margins"],
      }),
  });
  const { a, b, margin } = runs.values;
  const last = runs.t.length - 1;
  const outcome: Outcome[] = [];
  const decidedAt: number[] = [];
  for (let k = 0; k < o.a.length; k++) {
    if (!(o.a[k] > 0)) {
      outcome.push("dead");
      decidedAt.push(0);
      continue;
    }
    const correct0 = o.b[k] > 0;
    const m = margin[last][k];
    outcome.push(m > 0 ? (correct0 ? "learned" : "recovered") : a[last][k] <= 0 ? "failed" : "undecided");
    let at = Number.POSITIVE_INFINITY;
    for (let j = 0; j < runs.t.length; j++) {
      if (margin[j][k] > 0 || a[j][k] <= 0) {
        at = runs.t[j];
        break;
      }
    }
    decidedAt.push(at);
  }
  return { t: runs.t, a, b, margin, outcome, decidedAt, config: runs.config };
}

/** Options of {@link measurePhaseGrid}. */
export interface PhaseGridOptions extends Omit<ModesOptions, "a" | "b"> {
  /** Range of a0 (default [−0.6, 1.5]). */
  aRange?: [number, number];
  /** Range of b0 (default [−1.5, 1.5]). */
  bRange?: [number, number];
  /** Grid points per axis (default 15). */
  size?: number;
  /** Points with |a0 + b0| < band (a0 > 0, b0 < 0) are left out of the accuracy (default 0.05). */
  band?: number;
}

/** Grid of starts: predicted fate vs simulated outcome. */
export interface PhaseGridMeasurement extends ModesMeasurement {
  /** Starts. */
  a0: number[];
  b0: number[];
  /** Theory's fate of each start (P7). */
  predicted: Fate[];
  /** Fraction of starts outside the band whose simulated outcome is the predicted one. */
  accuracy: number;
  /** Starts counted / left out (inside the band around b = −a). */
  counted: number;
  excluded: number;
  /** Starts outside the band whose outcome differs from the prediction. */
  mismatches: { a: number; b: number; predicted: Fate; simulated: Outcome }[];
}

/** Simulates a grid of starts in the (a, b) plane and compares each fate with P7's regions. */
export function measurePhaseGrid(o: PhaseGridOptions): PhaseGridMeasurement {
  const [alo, ahi] = o.aRange ?? [-0.6, 1.5];
  const [blo, bhi] = o.bRange ?? [-1.5, 1.5];
  const size = o.size ?? 15;
  const band = o.band ?? 0.05;
  const a0: number[] = [];
  const b0: number[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      a0.push(alo + ((ahi - alo) * i) / (size - 1));
      b0.push(blo + ((bhi - blo) * j) / (size - 1));
    }
  }
  const m = measureModes({ ...o, a: a0, b: b0 });
  const predicted = a0.map((a, k) => classifyInit(a, b0[k]));
  let counted = 0;
  let agree = 0;
  const mismatches: PhaseGridMeasurement["mismatches"] = [];
  a0.forEach((a, k) => {
    if (a > 0 && b0[k] < 0 && Math.abs(a + b0[k]) < band) return;
    counted++;
    if (m.outcome[k] === expectedOutcome(predicted[k])) agree++;
    else mismatches.push({ a, b: b0[k], predicted: predicted[k], simulated: m.outcome[k] });
  });
  return {
    ...m,
    a0,
    b0,
    predicted,
    accuracy: agree / counted,
    counted,
    excluded: a0.length - counted,
    mismatches,
  };
}

/** Options of {@link measureSeparatrixTimes}. */
export interface SeparatrixOptions {
  /** |b0| of the starts (default 0.5): a0 = |b0| ± δ. */
  b?: number;
  /** Distances δ from the separatrix (default 1e-1 … 1e-6). */
  deltas?: readonly number[];
  /** Learning rate (default 0.01). */
  lr?: number;
  /** Gradient-flow time to run (default 40). */
  time?: number;
}

/** Time to decide near the separatrix b = −a: simulated vs gradient flow. */
export interface SeparatrixMeasurement {
  deltas: number[];
  /** Start a0 = |b| + δ (recovers) and a0 = |b| − δ (fails). */
  recover: { simulated: number; predicted: number }[];
  fail: { simulated: number; predicted: number }[];
  /** Largest relative difference simulated vs flow over both sides. */
  maxRelativeError: number;
}

/**
 * Starts at distance δ on either side of the separatrix (CE, r = 1): the recovering side flips at the exact
 * flow flip time (flip-time.ts), the failing side dies when `a` reaches 0 (mode-dynamics.ts): both diverge
 * like ln(1/δ) as δ → 0 — the saddle at (0, 0).
 */
export function measureSeparatrixTimes(o: SeparatrixOptions = {}): SeparatrixMeasurement {
  const b = o.b ?? 0.5;
  const deltas = [...(o.deltas ?? [1e-1, 3e-2, 1e-2, 3e-3, 1e-3, 1e-4, 1e-5, 1e-6])];
  const lr = o.lr ?? 0.01;
  const time = o.time ?? 40;
  const a = [...deltas.map((d) => b + d), ...deltas.map((d) => b - d)];
  const bs = a.map(() => -b);
  const m = measureModes({ a, b: bs, lr, time, every: 1, chunk: a.length });
  const n = deltas.length;
  const grid = Array.from({ length: 4001 }, (_, i) => (time * i) / 4000);
  const recover = deltas.map((_, i) => ({
    simulated: m.decidedAt[i],
    predicted: flipTimeExact(a[i], bs[i], { r: 1 }),
  }));
  const fail = deltas.map((_, i) => ({
    simulated: m.decidedAt[n + i],
    predicted: simulateMode(a[n + i], bs[n + i], { r: 1 }, grid).frozenAt,
  }));
  let maxRelativeError = 0;
  for (const p of [...recover, ...fail]) {
    if (Number.isFinite(p.predicted)) {
      maxRelativeError = Math.max(maxRelativeError, Math.abs(p.simulated - p.predicted) / p.predicted);
    }
  }
  return { deltas, recover, fail, maxRelativeError };
}
