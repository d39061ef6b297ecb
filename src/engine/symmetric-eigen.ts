import { EigenvalueDecomposition, Matrix } from "ml-matrix";

/** Eigenpairs of a dense symmetric matrix, largest eigenvalue first. */
export interface SymmetricEigen {
  /** Eigenvalues in descending order. */
  values: number[];
  /** vectors[j] is the unit eigenvector of values[j]. */
  vectors: Float64Array[];
}

/**
 * All eigenpairs of the symmetric m × m matrix A (row-major), by ml-matrix's Householder
 * tridiagonalisation and implicit QL (the EISPACK tred2/tql2 pair): O(m³), for the small projected
 * matrices of Lanczos and for dense checks on tiny nets. Only the lower triangle's symmetry is assumed;
 * an asymmetric A gives the eigenpairs of an unspecified symmetric neighbour.
 */
export function symmetricEigen(A: Float64Array | number[], m: number): SymmetricEigen {
  if (A.length !== m * m)
    throw new Error(`symmetricEigen: expected ${m * m} entries for ${m} × ${m}, got ${A.length}`);
  if (m === 0) return { values: [], vectors: [] };
  const rows: number[][] = [];
  for (let i = 0; i < m; i++) rows.push(Array.from(A.slice(i * m, (i + 1) * m)));
  const e = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const values = e.realEigenvalues;
  const V = e.eigenvectorMatrix;
  const order = values.map((_, j) => j).sort((a, b) => values[b] - values[a]);
  return {
    values: order.map((j) => values[j]),
    vectors: order.map((j) => Float64Array.from(V.getColumn(j))),
  };
}
