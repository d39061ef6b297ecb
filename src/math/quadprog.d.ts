/** Types of the parts of the `quadprog` package (R's quadprog, Goldfarb–Idnani, 1-based arrays) we use. */
declare module "quadprog" {
  /** Result of solveQP; arrays are 1-based like the Fortran original (index 0 unused). */
  export interface QpResult {
    solution: number[];
    Lagrangian: number[];
    value: number[];
    iact: number[];
    message: string;
  }
  /** min −dᵀb + ½ bᵀDb subject to Aᵀb ≥ b0 (first meq as equalities); D is n × n, A is n × q, 1-based. */
  export function solveQP(
    Dmat: number[][],
    dvec: number[],
    Amat: number[][],
    bvec: number[],
    meq?: number,
  ): QpResult;
}
