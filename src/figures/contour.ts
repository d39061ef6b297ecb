/**
 * Iso-lines of a function sampled on a rectangular grid, by marching squares with linear interpolation
 * along cell edges (Vega-Lite has no contour mark). Saddle cells are resolved by the value at the cell
 * centre (mean of the four corners). Segments are joined into polylines; closed curves repeat their first
 * point at the end.
 */
import type { XY } from "./figure.js";

/** Values on a grid: `values[j * x.length + i]` is the value at (x[i], y[j]). */
export interface Grid {
  /** Grid x coordinates (ascending or descending), length nx ≥ 2. */
  x: ArrayLike<number>;
  /** Grid y coordinates, length ny ≥ 2. */
  y: ArrayLike<number>;
  /** nx × ny values, row-major by y: `values[j * nx + i]` at (x[i], y[j]). NaN marks a missing value. */
  values: ArrayLike<number>;
}

/**
 * Polylines along which the sampled function equals `level`. A corner counts as "above" when its value
 * is > level; cells with a NaN corner are skipped.
 */
export function contourLines(grid: Grid, level = 0): XY[][] {
  const nx = grid.x.length;
  const ny = grid.y.length;
  const v = grid.values;
  if (nx < 2 || ny < 2) throw new Error(`contour: the grid needs at least 2×2 points, got ${nx}×${ny}`);
  if (v.length !== nx * ny) {
    throw new Error(`contour: values has ${v.length} entries, expected nx × ny = ${nx} × ${ny} = ${nx * ny}`);
  }
  // Edge ids: horizontal edge (i,j)–(i+1,j) → j*(nx-1)+i; vertical edge (i,j)–(i,j+1) → H + j*nx + i.
  const H = (nx - 1) * ny;
  const hEdge = (i: number, j: number) => j * (nx - 1) + i;
  const vEdge = (i: number, j: number) => H + j * nx + i;
  const at = (i: number, j: number) => v[j * nx + i];
  const points = new Map<number, XY>();
  const lerp = (a: number, b: number, va: number, vb: number) => a + ((level - va) / (vb - va)) * (b - a);
  const point = (edge: number): XY => {
    let p = points.get(edge);
    if (!p) {
      if (edge < H) {
        const j = Math.floor(edge / (nx - 1));
        const i = edge - j * (nx - 1);
        p = { x: lerp(grid.x[i], grid.x[i + 1], at(i, j), at(i + 1, j)), y: grid.y[j] };
      } else {
        const e = edge - H;
        const j = Math.floor(e / nx);
        const i = e - j * nx;
        p = { x: grid.x[i], y: lerp(grid.y[j], grid.y[j + 1], at(i, j), at(i, j + 1)) };
      }
      points.set(edge, p);
    }
    return p;
  };

  const segments: [number, number][] = [];
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const v0 = at(i, j);
      const v1 = at(i + 1, j);
      const v2 = at(i + 1, j + 1);
      const v3 = at(i, j + 1);
      if (Number.isNaN(v0) || Number.isNaN(v1) || Number.isNaN(v2) || Number.isNaN(v3)) continue;
      const b0 = v0 > level;
      const b1 = v1 > level;
      const b2 = v2 > level;
      const b3 = v3 > level;
      const bottom = hEdge(i, j);
      const right = vEdge(i + 1, j);
      const top = hEdge(i, j + 1);
      const left = vEdge(i, j);
      const crossed: number[] = [];
      if (b0 !== b1) crossed.push(bottom);
      if (b1 !== b2) crossed.push(right);
      if (b2 !== b3) crossed.push(top);
      if (b3 !== b0) crossed.push(left);
      if (crossed.length === 2) segments.push([crossed[0], crossed[1]]);
      else if (crossed.length === 4) {
        const centre = (v0 + v1 + v2 + v3) / 4 > level;
        if (centre === b0) {
          // Corners 0 and 2 are joined through the centre: cut off corners 1 and 3.
          segments.push([bottom, right], [top, left]);
        } else {
          segments.push([left, bottom], [right, top]);
        }
      }
    }
  }

  // Join segments sharing an edge point into polylines.
  const byEdge = new Map<number, number[]>();
  segments.forEach(([a, b], s) => {
    for (const e of [a, b]) {
      const list = byEdge.get(e);
      if (list) list.push(s);
      else byEdge.set(e, [s]);
    }
  });
  const used = new Uint8Array(segments.length);
  const walk = (startSeg: number, startEdge: number): number[] => {
    const edges = [startEdge];
    let seg = startSeg;
    let edge = startEdge;
    while (seg >= 0 && !used[seg]) {
      used[seg] = 1;
      const [a, b] = segments[seg];
      edge = a === edge ? b : a;
      edges.push(edge);
      seg = (byEdge.get(edge) ?? []).find((s) => !used[s]) ?? -1;
    }
    return edges;
  };
  const lines: XY[][] = [];
  // Open curves first (they start at an edge point used by one segment only, on the grid boundary).
  for (const [edge, segs] of byEdge) {
    if (segs.length === 1 && !used[segs[0]]) lines.push(walk(segs[0], edge).map(point));
  }
  for (let s = 0; s < segments.length; s++) {
    if (!used[s]) lines.push(walk(s, segments[s][0]).map(point));
  }
  return lines;
}
