/**
 * Hierarchically structured data (Saxe, McClelland & Ganguli 2014/2019): items are the leaves of a tree
 * with uniform branching, properties are the tree's nodes, and an item has the property of every node on
 * its path from the root. Inputs are one-hot items scaled by √P so that Σ_xx = I. The input–output
 * correlation then has one singular value per tree level, largest at the root: a deep linear net learns
 * the coarse split first and the finest last (coarse-to-fine differentiation).
 */

/** Options of {@link hierarchicalData}. */
export interface HierarchicalOptions {
  /** Levels below the root (≥ 1): items = branching^depth. */
  depth: number;
  /** Children per node (≥ 2, default 2). */
  branching?: number;
}

/** Row-major data: P items, N_in = P one-hot inputs, N_out = number of tree nodes. */
export interface HierarchicalData {
  count: number;
  inputs: number;
  outputs: number;
  /** P × P inputs √P·e_μ. */
  x: Float64Array;
  /** P × nodes targets: 1 where the node is on the item's root path, else 0. */
  y: Float64Array;
  /** Level of each property node (0 = root), in output order (breadth first). */
  levels: number[];
}

/** Builds the tree data set (breadth-first node order: root, its children, …, the leaves). */
export function hierarchicalData(o: HierarchicalOptions): HierarchicalData {
  const b = o.branching ?? 2;
  const D = o.depth;
  if (!(Number.isInteger(D) && D >= 1))
    throw new Error(`hierarchicalData: depth must be an integer ≥ 1, got ${D}`);
  if (!(Number.isInteger(b) && b >= 2))
    throw new Error(`hierarchicalData: branching must be an integer ≥ 2, got ${b}`);
  const P = b ** D;
  if (P > 4096) throw new Error(`hierarchicalData: ${b}^${D} = ${P} items is too many (at most 4096)`);
  const levels: number[] = [];
  const firstOfLevel: number[] = [];
  for (let l = 0; l <= D; l++) {
    firstOfLevel.push(levels.length);
    for (let j = 0; j < b ** l; j++) levels.push(l);
  }
  const nodes = levels.length;
  const x = new Float64Array(P * P);
  const y = new Float64Array(P * nodes);
  for (let mu = 0; mu < P; mu++) {
    x[mu * P + mu] = Math.sqrt(P);
    // The item's ancestor at level l is its index divided by b^(D − l).
    for (let l = 0; l <= D; l++) y[mu * nodes + firstOfLevel[l] + Math.floor(mu / b ** (D - l))] = 1;
  }
  return { count: P, inputs: P, outputs: nodes, x, y, levels };
}
