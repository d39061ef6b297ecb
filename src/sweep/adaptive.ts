/**
 * Adaptive phase diagrams: refine an n-D grid only where the outcome changes.
 *
 * The domain is a box split into `initial` cells per axis. Every cell's corners are evaluated (each with
 * `replicates` seeds); a cell whose corners do not all agree, or one of whose corners gave different
 * outcomes over its seeds, lies on a boundary and is split in two along every axis, until its side is at
 * most the stated resolution. Points live on the integer lattice of the finest level, so a corner shared
 * by neighbouring cells (or by a parent and its child) is run once. Each level's new points go to
 * `evaluate` in one call, so the caller can train them as one batched sweep.
 *
 * What it cannot see: a boundary that enters and leaves a coarse cell between its corners (an island
 * smaller than a coarse cell) is not found; choose `initial` finer than the smallest feature expected.
 */

/** How an adaptive phase diagram is refined. */
export interface AdaptiveGridOptions {
  /** The box, one [low, high] pair per axis (low < high). */
  bounds: readonly (readonly [number, number])[];
  /** Cells per axis of the coarse grid every cell starts from (integer ≥ 1; one for every axis, or one per axis). */
  initial: number | readonly number[];
  /**
   * The stated resolution: a boundary cell is split until its side along each axis is at most this (one
   * number for every axis, or one per axis, in the axis's own units).
   */
  resolution: number | readonly number[];
  /** Seeds run at every point (default 1); a point whose seeds disagree counts as on the boundary. */
  replicates?: number;
}

/** One point to run: its coordinates and which replicate (0 … replicates − 1) it is. */
export interface AdaptivePoint {
  /** Coordinates, one per axis. */
  coords: number[];
  /** Replicate index (use it to pick the seed). */
  replicate: number;
  /** Lattice indices of the point at the finest level, per axis (coords = origin + lattice · spacing). */
  lattice: number[];
}

/** Why a cell was (or was not) split. */
export type CellReason = "corners-differ" | "replicates-differ" | "uniform" | "at-resolution";

/** A cell of the refined grid, in lattice units of the finest level. */
export interface AdaptiveCell {
  /** Lattice index of the cell's low corner, per axis. */
  lo: number[];
  /** Side in lattice units (a power of two). */
  size: number;
  /** Refinement depth (0 = coarse cell). */
  level: number;
  /** True if the cell was split into children. */
  refined: boolean;
  /** Why it was split, or why not (uniform corners, or already at the resolution while on a boundary). */
  reason: CellReason;
}

/** The result of an adaptive refinement. */
export interface AdaptiveGridResult {
  /** Every evaluated point: coordinates and the outcome of each replicate. */
  points: { coords: number[]; outcomes: string[] }[];
  /** Every cell visited, coarse ones and their descendants. */
  cells: AdaptiveCell[];
  /** Runs performed (points × replicates). */
  runs: number;
  /** Runs a full grid at the finest resolution would take. */
  fullGridRuns: number;
  /** Lattice points per axis at the finest level minus one (cells per axis of the equivalent full grid). */
  fineCells: number[];
  /** Lattice spacing of the finest level per axis, in axis units. */
  spacing: number[];
  /** Coordinates of lattice index 0 (the box's low corner), per axis. */
  origin: number[];
}

/** Evaluates a batch of points; returns one outcome label per point, in order. */
export type AdaptiveEvaluate = (points: AdaptivePoint[]) => Promise<string[]> | string[];

/** Called once per level with the cells that level classified (e.g. to record them in a store). */
export type AdaptiveLevelHook = (cells: AdaptiveCell[], level: number) => Promise<void> | void;

/** The integer lattice an adaptive refinement lives on (the finest level's grid). */
export interface AdaptiveLattice {
  /** Number of axes. */
  dims: number;
  /** Halvings from a coarse cell to a finest one. */
  levels: number;
  /** Coarse cells per axis. */
  initial: number[];
  /** Finest cells per axis (lattice points per axis minus one): initial · 2^levels. */
  fine: number[];
  /** Lattice spacing per axis, in axis units. */
  spacing: number[];
  /** Seeds per point. */
  replicates: number;
}

/** The lattice of an adaptive refinement, after checking its options (throws a message naming the field). */
export function adaptiveLattice(o: AdaptiveGridOptions): AdaptiveLattice {
  const dims = o.bounds.length;
  if (dims < 1) throw new Error("adaptive grid: give at least one axis in bounds, e.g. [[-1, 1], [-1, 1]]");
  for (const [i, b] of o.bounds.entries())
    if (!(Number.isFinite(b[0]) && Number.isFinite(b[1]) && b[0] < b[1]))
      throw new Error(
        `adaptive grid: bounds[${i}] must be [low, high] with low < high, got [${b.join(", ")}]`,
      );
  const initial = typeof o.initial === "number" ? o.bounds.map(() => o.initial as number) : [...o.initial];
  if (initial.length !== dims)
    throw new Error(
      `adaptive grid: initial has ${initial.length} entries for ${dims} axes; give one or one per axis`,
    );
  for (const n of initial)
    if (!(Number.isInteger(n) && n >= 1))
      throw new Error(`adaptive grid: initial must be an integer ≥ 1 (coarse cells per axis), got ${n}`);
  const res =
    typeof o.resolution === "number" ? o.bounds.map(() => o.resolution as number) : [...o.resolution];
  if (res.length !== dims)
    throw new Error(
      `adaptive grid: resolution has ${res.length} entries for ${dims} axes; give one or one per axis`,
    );
  for (const r of res)
    if (!(Number.isFinite(r) && r > 0)) throw new Error(`adaptive grid: resolution must be > 0, got ${r}`);
  const replicates = o.replicates ?? 1;
  if (!(Number.isInteger(replicates) && replicates >= 1))
    throw new Error(`adaptive grid: replicates must be an integer ≥ 1, got ${replicates}`);
  // One depth for every axis: the deepest any axis needs, so cells stay cubes in lattice units.
  let levels = 0;
  for (let i = 0; i < dims; i++) {
    const [lo, hi] = o.bounds[i] as readonly [number, number];
    const coarse = (hi - lo) / (initial[i] as number);
    levels = Math.max(levels, Math.ceil(Math.log2(coarse / (res[i] as number)) - 1e-12));
  }
  if (levels > 30)
    throw new Error(`adaptive grid: resolution needs ${levels} halvings; at most 30 are supported`);
  const fine = initial.map((n) => n * 2 ** levels);
  const spacing = o.bounds.map(([lo, hi], i) => (hi - lo) / (fine[i] as number));
  return { dims, levels, initial, fine, spacing, replicates };
}

/** All 2^d corners of a cell, as lattice indices. */
function corners(lo: number[], size: number): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 2 ** lo.length; mask++) out.push(lo.map((l, i) => l + ((mask >> i) & 1) * size));
  return out;
}

/** The coarse cells, each as its low corner in lattice units. */
function coarseCells(p: AdaptiveLattice): { lo: number[]; level: number }[] {
  const top = 2 ** p.levels;
  const count = p.initial.reduce((a, n) => a * n, 1);
  const open: { lo: number[]; level: number }[] = [];
  for (let c = 0; c < count; c++) {
    const lo: number[] = [];
    for (let i = 0, r = c; i < p.dims; i++) {
      const n = p.initial[i] as number;
      lo.push((r % n) * top);
      r = Math.floor(r / n);
    }
    open.push({ lo, level: 0 });
  }
  return open;
}

/** Classifies a level's cells by their corners' outcomes; returns them and the children to visit next. */
function classifyLevel(
  open: readonly { lo: number[]; level: number }[],
  outcomes: ReadonlyMap<string, string[]>,
  p: AdaptiveLattice,
): { classified: AdaptiveCell[]; next: { lo: number[]; level: number }[] } {
  const top = 2 ** p.levels;
  const next: { lo: number[]; level: number }[] = [];
  const classified: AdaptiveCell[] = [];
  for (const cell of open) {
    const size = top >> cell.level;
    const seen = corners(cell.lo, size).map((k) => outcomes.get(k.join(",")) as string[]);
    const split = seen.some((s) => new Set(s).size > 1)
      ? "replicates-differ"
      : new Set(seen.map((s) => s[0])).size > 1
        ? "corners-differ"
        : null;
    const refined = split !== null && cell.level < p.levels;
    classified.push({
      lo: cell.lo,
      size,
      level: cell.level,
      refined,
      reason: split === null ? "uniform" : refined ? split : "at-resolution",
    });
    if (!refined) continue;
    for (const child of corners(cell.lo, size >> 1)) next.push({ lo: child, level: cell.level + 1 });
  }
  return { classified, next };
}

/**
 * Runs the refinement, level by level, one `evaluate` call per level; `onLevel` sees each level's
 * classified cells before the next level is evaluated.
 */
export async function refineAdaptive(
  o: AdaptiveGridOptions,
  evaluate: AdaptiveEvaluate,
  onLevel?: AdaptiveLevelHook,
): Promise<AdaptiveGridResult> {
  const p = adaptiveLattice(o);
  const top = 2 ** p.levels;
  const outcomes = new Map<string, string[]>();
  const coordsOf = (idx: number[]) =>
    idx.map((k, i) => (o.bounds[i] as readonly [number, number])[0] + k * (p.spacing[i] as number));
  const cells: AdaptiveCell[] = [];
  let open = coarseCells(p);
  let runs = 0;
  let level = 0;
  while (open.length > 0) {
    const fresh: number[][] = [];
    for (const cell of open)
      for (const k of corners(cell.lo, top >> cell.level)) {
        const key = k.join(",");
        if (!outcomes.has(key)) {
          outcomes.set(key, []);
          fresh.push(k);
        }
      }
    const batch: AdaptivePoint[] = [];
    for (const k of fresh)
      for (let r = 0; r < p.replicates; r++) batch.push({ coords: coordsOf(k), replicate: r, lattice: k });
    const labels = batch.length > 0 ? await evaluate(batch) : [];
    if (labels.length !== batch.length)
      throw new Error(
        `adaptive grid: evaluate returned ${labels.length} outcomes for ${batch.length} points`,
      );
    runs += batch.length;
    for (const [j, k] of fresh.entries())
      outcomes.set(k.join(","), labels.slice(j * p.replicates, (j + 1) * p.replicates).map(String));
    const { classified, next } = classifyLevel(open, outcomes, p);
    for (const c of classified) cells.push(c);
    await onLevel?.(classified, level++);
    open = next;
  }
  const points = [...outcomes.entries()].map(([key, outs]) => ({
    coords: coordsOf(key.split(",").map(Number)),
    outcomes: outs,
  }));
  const fullGridRuns = p.fine.reduce((a, n) => a * (n + 1), 1) * p.replicates;
  return {
    points,
    cells,
    runs,
    fullGridRuns,
    fineCells: p.fine,
    spacing: p.spacing,
    origin: o.bounds.map((b) => b[0]),
  };
}

/** The finest cells that straddle a boundary (split was wanted but the resolution was reached). */
export function boundaryCells(result: AdaptiveGridResult): AdaptiveCell[] {
  return result.cells.filter((c) => c.reason === "at-resolution");
}
