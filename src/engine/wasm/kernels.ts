/**
 * learndyn's WebAssembly kernels, written in stack order with the encoder of `encode.ts` (read them as
 * WAT). Every kernel does the same IEEE operations in the same order as its plain-JS reference
 * (`backend-js.ts`, `kernels-js.ts`, `activation.ts`): no fused multiply-add, sums left to right, so
 * results are bit-identical. SIMD lanes run over independent outputs (columns, elements), never along
 * a sum.
 *
 * All pointers are byte addresses into the imported memory; lengths are element counts.
 */
import {
  assemble,
  bitselect,
  type Code,
  doWhile,
  F64,
  f64,
  fadd,
  fdiv,
  fgt,
  fmul,
  fsqrt,
  fsub,
  func,
  get,
  I32,
  i32,
  iadd,
  ige,
  ile,
  ilt,
  imul,
  isub,
  lane,
  loadF64,
  loadV,
  replaceLane,
  select,
  set,
  splat,
  splatLoad,
  storeF64,
  storeV,
  V128,
  vadd,
  vand,
  vdiv,
  vgt,
  vmul,
  vsqrt,
  vsub,
  when,
  whileLoop,
  zeroV,
} from "./encode.js";

/** Depth of one k-block of the product: a packed B block is KC × 4 doubles per panel (8 KiB). */
export const KC = 256;

const inc = (local: number, by: number | Code): Code =>
  set(local, iadd(get(local), typeof by === "number" ? i32(by) : by));

/**
 * gemm_abt(A, B, C, m, n, k, pk, sa): C (m × n) = A (m × k) · Bᵀ (B is n × k), all row-major; pk is scratch
 * for KC × ceil(n/4)·4 doubles. k must be ≥ 1.
 * gemm_atb(A, B, C, m, n, k, pk, sa) (transA): C (m × n) = Aᵀ · B with A k × m and B k × n (the weight
 * gradient dZᵀ·H without transposing either), same tiles and the same order of every sum.
 * sa is A's row stride in elements (k for A·Bᵀ, m for Aᵀ·B when A is whole): a band of C's rows is then
 * computed by offsetting A and C and passing the band's row count as m (how threads split a product).
 *
 * For each k-block of KC: B's block is packed into panels of 4 rows (k-major, 4 values per k), then
 * every tile of 4 rows of A × 1 panel accumulates 4 × 4 outputs in 8 f64x2 registers: x = A[i][p] in both
 * lanes, acc += x · (B[j][p], B[j+1][p]). Each output is the left-to-right sum over p, continued from C
 * between k-blocks (a stored double reloads exactly): the same bits as the JS loop.
 */
function gemm(transA: boolean) {
  const rowsOf4 = [0, 1, 2, 3];
  const accs = Object.fromEntries(rowsOf4.flatMap((r) => [0, 1].map((h) => [`c${r}${h}`, V128])));
  return func(
    transA ? "gemm_atb" : "gemm_abt",
    { A: I32, B: I32, C: I32, m: I32, n: I32, k: I32, pk: I32, sa: I32 },
    {
      k0: I32,
      kb: I32,
      kend: I32,
      j0: I32,
      p: I32,
      src: I32,
      dst: I32,
      i0: I32,
      pp: I32,
      a0: I32,
      a1: I32,
      a2: I32,
      a3: I32,
      bp: I32,
      po: I32,
      cp: I32,
      lda: I32,
      ldc: I32,
      rest: I32,
      ap: I32,
      astep: I32,
      bstep: I32,
      ...accs,
      b0: V128,
      b1: V128,
      x: V128,
    },
    (v) => {
      const a = [v.a0, v.a1, v.a2, v.a3];
      const acc = (r: number, h: number) => v[`c${r}${h}`];
      const rowPtr = (r: number) => (r === 0 ? get(v.cp) : iadd(get(v.cp), imul(i32(r), get(v.ldc))));

      const tile = (rows: number): Code[] => {
        const rs = rowsOf4.slice(0, rows);
        const full = ige(isub(get(v.n), get(v.j0)), i32(4));
        const loadFull = rs.flatMap((r) => [0, 1].map((h) => set(acc(r, h), loadV(rowPtr(r), 16 * h))));
        const loadEdge = rs.flatMap((r) => [
          set(acc(r, 0), replaceLane(zeroV(), 0, loadF64(rowPtr(r)))),
          set(acc(r, 1), zeroV()),
          when(ige(isub(get(v.n), get(v.j0)), i32(2)), [
            set(acc(r, 0), replaceLane(get(acc(r, 0)), 1, loadF64(rowPtr(r), 8))),
          ]),
          when(ige(isub(get(v.n), get(v.j0)), i32(3)), [
            set(acc(r, 1), replaceLane(get(acc(r, 1)), 0, loadF64(rowPtr(r), 16))),
          ]),
        ]);
        const zero = rs.flatMap((r) => [0, 1].map((h) => set(acc(r, h), zeroV())));
        const storeFull = rs.flatMap((r) => [0, 1].map((h) => storeV(rowPtr(r), get(acc(r, h)), 16 * h)));
        const storeEdge = rs.flatMap((r) => [
          storeF64(rowPtr(r), lane(get(acc(r, 0)), 0)),
          when(ige(isub(get(v.n), get(v.j0)), i32(2)), [storeF64(rowPtr(r), lane(get(acc(r, 0)), 1), 8)]),
          when(ige(isub(get(v.n), get(v.j0)), i32(3)), [storeF64(rowPtr(r), lane(get(acc(r, 1)), 0), 16)]),
        ]);
        return [
          when(get(v.k0), [when(full, loadFull, loadEdge)], zero),
          set(v.po, i32(0)),
          set(v.bp, get(v.pp)),
          set(v.ap, get(v.a0)),
          doWhile(
            [
              set(v.b0, loadV(get(v.bp))),
              set(v.b1, loadV(get(v.bp), 16)),
              ...rs.flatMap((r) => [
                // A·Bᵀ: row r of A at a_r, contiguous in p. Aᵀ·B: the tile's 4 rows are adjacent in A's row p.
                set(v.x, transA ? splatLoad(get(v.ap), 8 * r) : splatLoad(iadd(get(a[r]), get(v.po)))),
                set(acc(r, 0), vadd(get(acc(r, 0)), vmul(get(v.x), get(v.b0)))),
                set(acc(r, 1), vadd(get(acc(r, 1)), vmul(get(v.x), get(v.b1)))),
              ]),
              inc(v.bp, 32),
              inc(v.po, 8),
              ...(transA ? [inc(v.ap, get(v.astep))] : []),
            ],
            ilt(get(v.po), get(v.kend)),
          ),
          when(full, storeFull, storeEdge),
        ];
      };

      const rowTiles = (rows: number): Code[] => [
        transA
          ? set(v.a0, iadd(get(v.A), imul(iadd(imul(get(v.k0), get(v.sa)), get(v.i0)), i32(8))))
          : set(v.a0, iadd(get(v.A), imul(iadd(imul(get(v.i0), get(v.sa)), get(v.k0)), i32(8)))),
        ...(transA ? [] : rowsOf4.slice(1, rows).map((r) => set(a[r], iadd(get(a[r - 1]), get(v.lda))))),
        set(v.j0, i32(0)),
        set(v.pp, get(v.pk)),
        whileLoop(ilt(get(v.j0), get(v.n)), [
          set(v.cp, iadd(get(v.C), imul(iadd(imul(get(v.i0), get(v.n)), get(v.j0)), i32(8)))),
          ...tile(rows),
          inc(v.pp, imul(get(v.kend), i32(4))),
          inc(v.j0, 4),
        ]),
        inc(v.i0, rows),
      ];

      const packColumn = (c: number): Code =>
        when(
          ilt(iadd(get(v.j0), i32(c)), get(v.n)),
          [
            // Column j0 + c of the panel: B[j0 + c][k0 …] (A·Bᵀ, stride 8) or B[k0 …][j0 + c] (Aᵀ·B, stride 8n).
            transA
              ? set(
                  v.src,
                  iadd(get(v.B), imul(iadd(imul(get(v.k0), get(v.n)), iadd(get(v.j0), i32(c))), i32(8))),
                )
              : set(
                  v.src,
                  iadd(get(v.B), imul(iadd(imul(iadd(get(v.j0), i32(c)), get(v.k)), get(v.k0)), i32(8))),
                ),
            set(v.dst, iadd(get(v.pp), i32(8 * c))),
            set(v.p, i32(0)),
            doWhile(
              [
                storeF64(get(v.dst), loadF64(get(v.src))),
                inc(v.src, get(v.bstep)),
                inc(v.dst, 32),
                inc(v.p, 8),
              ],
              ilt(get(v.p), get(v.kend)),
            ),
          ],
          [
            set(v.dst, iadd(get(v.pp), i32(8 * c))),
            set(v.p, i32(0)),
            doWhile([storeF64(get(v.dst), f64(0)), inc(v.dst, 32), inc(v.p, 8)], ilt(get(v.p), get(v.kend))),
          ],
        );

      return [
        set(v.lda, imul(get(v.sa), i32(8))),
        set(v.ldc, imul(get(v.n), i32(8))),
        // Bytes from one p to the next: in A's tile (Aᵀ·B only) and in a column of B.
        set(v.astep, imul(get(v.sa), i32(8))),
        set(v.bstep, transA ? imul(get(v.n), i32(8)) : i32(8)),
        set(v.k0, i32(0)),
        whileLoop(ilt(get(v.k0), get(v.k)), [
          set(v.rest, isub(get(v.k), get(v.k0))),
          set(v.kb, select(i32(KC), get(v.rest), ilt(i32(KC), get(v.rest)))),
          set(v.kend, imul(get(v.kb), i32(8))),
          // Pack B[:, k0 : k0 + kb] into panels of 4 rows, zero-padded past n.
          set(v.j0, i32(0)),
          set(v.pp, get(v.pk)),
          whileLoop(ilt(get(v.j0), get(v.n)), [
            ...[0, 1, 2, 3].map(packColumn),
            inc(v.pp, imul(get(v.kend), i32(4))),
            inc(v.j0, 4),
          ]),
          set(v.i0, i32(0)),
          whileLoop(ile(iadd(get(v.i0), i32(4)), get(v.m)), rowTiles(4)),
          whileLoop(ilt(get(v.i0), get(v.m)), rowTiles(1)),
          inc(v.k0, KC),
        ]),
      ];
    },
  );
}

/**
 * gemv(A, x, C, m, k, sa): C (m) = A (m × k, row stride sa) · x (k), i.e. A·Bᵀ with n = 1 (an output
 * layer's forward pass). Four rows at a time in scalar registers, each the left-to-right sum from 0: the
 * same bits as gemm_abt, without packing and without the 4-column tile's padding (3 of 4 lanes idle at
 * n = 1). k must be ≥ 1.
 */
function gemv() {
  return func(
    "gemv",
    { A: I32, x: I32, C: I32, m: I32, k: I32, sa: I32 },
    {
      i: I32,
      lda: I32,
      kb: I32,
      po: I32,
      a0: I32,
      a1: I32,
      a2: I32,
      a3: I32,
      s0: F64,
      s1: F64,
      s2: F64,
      s3: F64,
      xp: F64,
    },
    (v) => {
      const a = [v.a0, v.a1, v.a2, v.a3];
      const acc = [v.s0, v.s1, v.s2, v.s3];
      const rows = (r: number): Code[] => {
        const rs = [0, 1, 2, 3].slice(0, r);
        return [
          set(v.a0, iadd(get(v.A), imul(get(v.i), get(v.lda)))),
          ...rs.slice(1).map((q) => set(a[q], iadd(get(a[q - 1]), get(v.lda)))),
          ...rs.map((q) => set(acc[q], f64(0))),
          set(v.po, i32(0)),
          doWhile(
            [
              set(v.xp, loadF64(iadd(get(v.x), get(v.po)))),
              ...rs.map((q) =>
                set(acc[q], fadd(get(acc[q]), fmul(loadF64(iadd(get(a[q]), get(v.po))), get(v.xp)))),
              ),
              inc(v.po, 8),
            ],
            ilt(get(v.po), get(v.kb)),
          ),
          ...rs.map((q) => storeF64(iadd(get(v.C), imul(iadd(get(v.i), i32(q)), i32(8))), get(acc[q]))),
          inc(v.i, r),
        ];
      };
      return [
        set(v.lda, imul(get(v.sa), i32(8))),
        set(v.kb, imul(get(v.k), i32(8))),
        set(v.i, i32(0)),
        whileLoop(ile(iadd(get(v.i), i32(4)), get(v.m)), rows(4)),
        whileLoop(ilt(get(v.i), get(v.m)), rows(1)),
      ];
    },
  );
}

/**
 * gevm(a, B, C, n, k): C (n) = aᵀ · B with a (k) and B (k × n), i.e. Aᵀ·B with m = 1 (the output layer's
 * weight gradient). Lanes run over columns of B read in place (4 columns per pass, then one at a time),
 * each output the left-to-right sum from 0: the bits of gemm_atb, without packing B. k must be ≥ 1.
 */
function gevm() {
  return func(
    "gevm",
    { a: I32, B: I32, C: I32, n: I32, k: I32 },
    { j: I32, ldb: I32, kb: I32, po: I32, bp: I32, c0: V128, c1: V128, x: V128, s: F64 },
    (v) => [
      set(v.ldb, imul(get(v.n), i32(8))),
      set(v.kb, imul(get(v.k), i32(8))),
      set(v.j, i32(0)),
      whileLoop(ile(iadd(get(v.j), i32(4)), get(v.n)), [
        set(v.c0, zeroV()),
        set(v.c1, zeroV()),
        set(v.bp, iadd(get(v.B), imul(get(v.j), i32(8)))),
        set(v.po, i32(0)),
        doWhile(
          [
            set(v.x, splatLoad(iadd(get(v.a), get(v.po)))),
            set(v.c0, vadd(get(v.c0), vmul(get(v.x), loadV(get(v.bp))))),
            set(v.c1, vadd(get(v.c1), vmul(get(v.x), loadV(get(v.bp), 16)))),
            inc(v.bp, get(v.ldb)),
            inc(v.po, 8),
          ],
          ilt(get(v.po), get(v.kb)),
        ),
        storeV(iadd(get(v.C), imul(get(v.j), i32(8))), get(v.c0)),
        storeV(iadd(get(v.C), imul(get(v.j), i32(8))), get(v.c1), 16),
        inc(v.j, 4),
      ]),
      whileLoop(ilt(get(v.j), get(v.n)), [
        set(v.s, f64(0)),
        set(v.bp, iadd(get(v.B), imul(get(v.j), i32(8)))),
        set(v.po, i32(0)),
        doWhile(
          [
            set(v.s, fadd(get(v.s), fmul(loadF64(iadd(get(v.a), get(v.po))), loadF64(get(v.bp))))),
            inc(v.bp, get(v.ldb)),
            inc(v.po, 8),
          ],
          ilt(get(v.po), get(v.kb)),
        ),
        storeF64(iadd(get(v.C), imul(get(v.j), i32(8))), get(v.s)),
        inc(v.j, 1),
      ]),
    ],
  );
}

/** transpose(A, rows, cols, out): out (cols × rows) = Aᵀ, in 32 × 32 blocks. */
function transpose() {
  const BS = 32;
  return func(
    "transpose",
    { A: I32, rows: I32, cols: I32, out: I32 },
    { i0: I32, j0: I32, i: I32, j: I32, i1: I32, j1: I32, src: I32, dst: I32, ldo: I32 },
    (v) => [
      set(v.ldo, imul(get(v.rows), i32(8))),
      set(v.i0, i32(0)),
      whileLoop(ilt(get(v.i0), get(v.rows)), [
        set(v.i1, iadd(get(v.i0), i32(BS))),
        set(v.i1, select(get(v.rows), get(v.i1), ilt(get(v.rows), get(v.i1)))),
        set(v.j0, i32(0)),
        whileLoop(ilt(get(v.j0), get(v.cols)), [
          set(v.j1, iadd(get(v.j0), i32(BS))),
          set(v.j1, select(get(v.cols), get(v.j1), ilt(get(v.cols), get(v.j1)))),
          set(v.i, get(v.i0)),
          whileLoop(ilt(get(v.i), get(v.i1)), [
            set(v.src, iadd(get(v.A), imul(iadd(imul(get(v.i), get(v.cols)), get(v.j0)), i32(8)))),
            set(v.dst, iadd(get(v.out), imul(iadd(imul(get(v.j0), get(v.rows)), get(v.i)), i32(8)))),
            set(v.j, get(v.j0)),
            whileLoop(ilt(get(v.j), get(v.j1)), [
              storeF64(get(v.dst), loadF64(get(v.src))),
              inc(v.src, 8),
              inc(v.dst, get(v.ldo)),
              inc(v.j, 1),
            ]),
            inc(v.i, 1),
          ]),
          inc(v.j0, BS),
        ]),
        inc(v.i0, BS),
      ]),
    ],
  );
}

/**
 * An elementwise kernel over `len` doubles: `vector(at)` handles two elements at byte offset `o` of every
 * pointer, `scalar(at)` the last odd one. `at(ptr)` is the address of the current element of `ptr`.
 */
function elementwise(
  name: string,
  params: Record<string, typeof I32 | typeof F64>,
  vector: (v: Record<string, number>, at: (ptr: number) => Code) => Code[],
  scalar: (v: Record<string, number>, at: (ptr: number) => Code) => Code[],
  temps: Record<string, typeof F64 | typeof V128> = {},
) {
  return func(name, { ...params, len: I32 }, { o: I32, end: I32, ...temps }, (v) => {
    const at = (ptr: number) => iadd(get(ptr), get(v.o));
    return [
      set(v.end, imul(get(v.len), i32(8))),
      set(v.o, i32(0)),
      whileLoop(ile(iadd(get(v.o), i32(16)), get(v.end)), [...vector(v, at), inc(v.o, 16)]),
      when(ilt(get(v.o), get(v.end)), scalar(v, at)),
    ];
  });
}

const P = I32;

function elementwiseKernels() {
  return [
    // out = z > 0 ? z : 0
    elementwise(
      "relu",
      { z: P, out: P },
      (v, at) => [storeV(at(v.out), vand(loadV(at(v.z)), vgt(loadV(at(v.z)), zeroV())))],
      (v, at) => [storeF64(at(v.out), select(loadF64(at(v.z)), f64(0), fgt(loadF64(at(v.z)), f64(0))))],
    ),
    // out = z > 0 ? z : slope · z
    elementwise(
      "leaky_relu",
      { z: P, out: P, slope: F64 },
      (v, at) => [
        storeV(
          at(v.out),
          bitselect(loadV(at(v.z)), vmul(splat(get(v.slope)), loadV(at(v.z))), vgt(loadV(at(v.z)), zeroV())),
        ),
      ],
      (v, at) => [
        storeF64(
          at(v.out),
          select(loadF64(at(v.z)), fmul(get(v.slope), loadF64(at(v.z))), fgt(loadF64(at(v.z)), f64(0))),
        ),
      ],
    ),
    // g = z > 0 ? g : 0
    elementwise(
      "relu_grad",
      { z: P, g: P },
      (v, at) => [storeV(at(v.g), vand(loadV(at(v.g)), vgt(loadV(at(v.z)), zeroV())))],
      (v, at) => [storeF64(at(v.g), select(loadF64(at(v.g)), f64(0), fgt(loadF64(at(v.z)), f64(0))))],
    ),
    // g = z > 0 ? g : g · slope
    elementwise(
      "leaky_relu_grad",
      { z: P, g: P, slope: F64 },
      (v, at) => [
        storeV(
          at(v.g),
          bitselect(loadV(at(v.g)), vmul(loadV(at(v.g)), splat(get(v.slope))), vgt(loadV(at(v.z)), zeroV())),
        ),
      ],
      (v, at) => [
        storeF64(
          at(v.g),
          select(loadF64(at(v.g)), fmul(loadF64(at(v.g)), get(v.slope)), fgt(loadF64(at(v.z)), f64(0))),
        ),
      ],
    ),
    // g = g · (1 − h·h)
    elementwise(
      "tanh_grad",
      { h: P, g: P },
      (v, at) => [
        storeV(at(v.g), vmul(loadV(at(v.g)), vsub(splat(f64(1)), vmul(loadV(at(v.h)), loadV(at(v.h)))))),
      ],
      (v, at) => [
        storeF64(at(v.g), fmul(loadF64(at(v.g)), fsub(f64(1), fmul(loadF64(at(v.h)), loadF64(at(v.h)))))),
      ],
    ),
    // dst = dst + src
    elementwise(
      "add_into",
      { dst: P, src: P },
      (v, at) => [storeV(at(v.dst), vadd(loadV(at(v.dst)), loadV(at(v.src))))],
      (v, at) => [storeF64(at(v.dst), fadd(loadF64(at(v.dst)), loadF64(at(v.src))))],
    ),
    // p = p − lr · (g + wd · p)
    elementwise(
      "sgd",
      { p: P, g: P, lr: F64, wd: F64 },
      (v, at) => [
        storeV(
          at(v.p),
          vsub(
            loadV(at(v.p)),
            vmul(splat(get(v.lr)), vadd(loadV(at(v.g)), vmul(splat(get(v.wd)), loadV(at(v.p))))),
          ),
        ),
      ],
      (v, at) => [
        storeF64(
          at(v.p),
          fsub(loadF64(at(v.p)), fmul(get(v.lr), fadd(loadF64(at(v.g)), fmul(get(v.wd), loadF64(at(v.p)))))),
        ),
      ],
    ),
    ...[false, true].flatMap((first) => [false, true].map((nesterov) => momentum(first, nesterov))),
    adam(),
  ];
}

/**
 * Heavy-ball momentum: g' = g + wd·p; v = first ? g' : mu·buf + g'; buf = v; p = p − lr·(nesterov ? g' + mu·v : v).
 */
function momentum(first: boolean, nesterov: boolean) {
  const name = `momentum${first ? "_first" : ""}${nesterov ? "_nesterov" : ""}`;
  const body =
    (vec: boolean) =>
    (v: Record<string, number>, at: (ptr: number) => Code): Code[] => {
      const [load, store, add, mul, sub, sp] = vec
        ? [loadV, storeV, vadd, vmul, vsub, splat]
        : [loadF64, storeF64, fadd, fmul, fsub, (x: Code) => x];
      const tg = vec ? v.tg : v.sg;
      const tv = vec ? v.tv : v.sv;
      return [
        set(tg, add(load(at(v.g)), mul(sp(get(v.wd)), load(at(v.p))))),
        set(tv, first ? get(tg) : add(mul(sp(get(v.mu)), load(at(v.buf))), get(tg))),
        store(at(v.buf), get(tv)),
        store(
          at(v.p),
          sub(
            load(at(v.p)),
            mul(sp(get(v.lr)), nesterov ? add(get(tg), mul(sp(get(v.mu)), get(tv))) : get(tv)),
          ),
        ),
      ];
    };
  return elementwise(name, { p: P, g: P, buf: P, lr: F64, wd: F64, mu: F64 }, body(true), body(false), TEMPS);
}

/**
 * Adam: g' = g + wd·p; m = b1·m + (1−b1)·g'; v = b2·v + (1−b2)·g'·g'; p = p − (step·m) / (√v / bc2 + eps),
 * with omb1 = 1 − b1, omb2 = 1 − b2, step = lr / (1 − b1^t) and bc2 = √(1 − b2^t) computed by the caller.
 */
function adam() {
  const body =
    (vec: boolean) =>
    (v: Record<string, number>, at: (ptr: number) => Code): Code[] => {
      const [load, store, add, mul, div, sqrt, sp] = vec
        ? [loadV, storeV, vadd, vmul, vdiv, vsqrt, splat]
        : [loadF64, storeF64, fadd, fmul, fdiv, fsqrt, (x: Code) => x];
      const tg = vec ? v.tg : v.sg;
      const tm = vec ? v.tv : v.sv;
      const tv = vec ? v.tw : v.sw;
      return [
        set(tg, add(load(at(v.g)), mul(sp(get(v.wd)), load(at(v.p))))),
        set(tm, add(mul(sp(get(v.b1)), load(at(v.m))), mul(sp(get(v.omb1)), get(tg)))),
        store(at(v.m), get(tm)),
        set(tv, add(mul(sp(get(v.b2)), load(at(v.v))), mul(mul(sp(get(v.omb2)), get(tg)), get(tg)))),
        store(at(v.v), get(tv)),
        store(
          at(v.p),
          (vec ? vsub : fsub)(
            load(at(v.p)),
            div(mul(sp(get(v.step)), get(tm)), add(div(sqrt(get(tv)), sp(get(v.bc2))), sp(get(v.eps)))),
          ),
        ),
      ];
    };
  return elementwise(
    "adam",
    {
      p: P,
      g: P,
      m: P,
      v: P,
      b1: F64,
      omb1: F64,
      b2: F64,
      omb2: F64,
      step: F64,
      bc2: F64,
      eps: F64,
      wd: F64,
    },
    body(true),
    body(false),
    TEMPS,
  );
}

/** Temporaries of the optimizer kernels: vector (tg, tv, tw) and scalar (sg, sv, sw). */
const TEMPS = { tg: V128, tv: V128, tw: V128, sg: F64, sv: F64, sw: F64 } as const;

/** addRow(M, v, rows, cols): M[i][j] = M[i][j] + v[j]. */
function addRow() {
  return func(
    "add_row",
    { M: P, vec: P, rows: I32, cols: I32 },
    { i: I32, o: I32, end: I32, row: I32 },
    (v) => [
      set(v.end, imul(get(v.cols), i32(8))),
      set(v.row, get(v.M)),
      set(v.i, i32(0)),
      whileLoop(ilt(get(v.i), get(v.rows)), [
        set(v.o, i32(0)),
        whileLoop(ile(iadd(get(v.o), i32(16)), get(v.end)), [
          storeV(
            iadd(get(v.row), get(v.o)),
            vadd(loadV(iadd(get(v.row), get(v.o))), loadV(iadd(get(v.vec), get(v.o)))),
          ),
          inc(v.o, 16),
        ]),
        when(ilt(get(v.o), get(v.end)), [
          storeF64(
            iadd(get(v.row), get(v.o)),
            fadd(loadF64(iadd(get(v.row), get(v.o))), loadF64(iadd(get(v.vec), get(v.o)))),
          ),
        ]),
        inc(v.row, get(v.end)),
        inc(v.i, 1),
      ]),
    ],
  );
}

/** sumRows(M, rows, cols, out): out[j] = Σ_i M[i][j], summed from 0 in row order. */
function sumRows() {
  return func(
    "sum_rows",
    { M: P, rows: I32, cols: I32, out: P },
    { i: I32, o: I32, end: I32, row: I32 },
    (v) => [
      set(v.end, imul(get(v.cols), i32(8))),
      set(v.o, i32(0)),
      whileLoop(ilt(get(v.o), get(v.end)), [storeF64(iadd(get(v.out), get(v.o)), f64(0)), inc(v.o, 8)]),
      set(v.row, get(v.M)),
      set(v.i, i32(0)),
      whileLoop(ilt(get(v.i), get(v.rows)), [
        set(v.o, i32(0)),
        whileLoop(ile(iadd(get(v.o), i32(16)), get(v.end)), [
          storeV(
            iadd(get(v.out), get(v.o)),
            vadd(loadV(iadd(get(v.out), get(v.o))), loadV(iadd(get(v.row), get(v.o)))),
          ),
          inc(v.o, 16),
        ]),
        when(ilt(get(v.o), get(v.end)), [
          storeF64(
            iadd(get(v.out), get(v.o)),
            fadd(loadF64(iadd(get(v.out), get(v.o))), loadF64(iadd(get(v.row), get(v.o)))),
          ),
        ]),
        inc(v.row, get(v.end)),
        inc(v.i, 1),
      ]),
    ],
  );
}

/** The kernel module's bytes, for a shared or an unshared imported memory of at most `maxPages` pages. */
export function kernelModule(memory: { shared: boolean; maxPages: number }): Uint8Array {
  return assemble(
    [gemm(false), gemm(true), transpose(), addRow(), sumRows(), ...elementwiseKernels(), gemv(), gevm()],
    memory,
  );
}
