/**
 * A minimal WebAssembly binary encoder: just what learndyn's kernels need (i32/f64 scalars, f64x2 SIMD,
 * structured control flow, one imported memory). The kernels in `kernels.ts` are written with these
 * helpers in stack order, as WAT would be, and the module is assembled at load time (a few KB, well under
 * a millisecond), so the repository holds the source and no generated binary that could drift from it.
 *
 * Code is a nested array of bytes (`Code`), flattened when a function body is emitted.
 */

export type Code = number | Code[];

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const f64Bytes = (x: number): number[] => Array.from(new Uint8Array(new Float64Array([x]).buffer));
const simd = (op: number): number[] => [0xfd, ...uleb(op)];
const name = (s: string): number[] => {
  const b = Array.from(new TextEncoder().encode(s));
  return [...uleb(b.length), ...b];
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

// ---- instructions (operands first, then the opcode, as on the stack) ----

export const get = (local: number): Code => [0x20, ...uleb(local)];
export const set = (local: number, ...value: Code[]): Code => [value, 0x21, ...uleb(local)];
export const i32 = (v: number): Code => [0x41, ...sleb(v | 0)];
export const f64 = (v: number): Code => [0x44, ...f64Bytes(v)];
/** f64.load at address (bytes) + static offset. */
export const loadF64 = (addr: Code, offset = 0): Code => [addr, 0x2b, 3, ...uleb(offset)];
export const storeF64 = (addr: Code, value: Code, offset = 0): Code => [
  addr,
  value,
  0x39,
  3,
  ...uleb(offset),
];
export const loadV = (addr: Code, offset = 0): Code => [addr, simd(0x00), 3, ...uleb(offset)];
export const storeV = (addr: Code, value: Code, offset = 0): Code => [
  addr,
  value,
  simd(0x0b),
  3,
  ...uleb(offset),
];
/** v128.load64_splat: one f64 from memory in both lanes. */
export const splatLoad = (addr: Code, offset = 0): Code => [addr, simd(0x0a), 3, ...uleb(offset)];
export const splat = (x: Code): Code => [x, simd(0x14)];
export const zeroV = (): Code => [simd(0x0c), ...new Array(16).fill(0)];
export const lane = (v: Code, l: 0 | 1): Code => [v, simd(0x21), l];
export const replaceLane = (v: Code, l: 0 | 1, x: Code): Code => [v, x, simd(0x22), l];

const bin =
  (...op: number[]) =>
  (a: Code, b: Code): Code => [a, b, ...op];
export const iadd = bin(0x6a);
export const isub = bin(0x6b);
export const imul = bin(0x6c);
export const ieq = bin(0x46);
export const ilt = bin(0x49); // unsigned: addresses may exceed 2^31
export const ige = bin(0x4f); // unsigned
export const ile = bin(0x4d); // unsigned
export const fadd = bin(0xa0);
export const fsub = bin(0xa1);
export const fmul = bin(0xa2);
export const fdiv = bin(0xa3);
export const fgt = bin(0x64);
export const vadd = bin(...simd(0xf0));
export const vsub = bin(...simd(0xf1));
export const vmul = bin(...simd(0xf2));
export const vdiv = bin(...simd(0xf3));
export const vgt = bin(...simd(0x4a));
export const vand = bin(...simd(0x4e));
export const fsqrt = (a: Code): Code => [a, 0x9f];
export const vsqrt = (a: Code): Code => [a, simd(0xef)];
/** c ? a : b (all three evaluated). */
export const select = (a: Code, b: Code, c: Code): Code => [a, b, c, 0x1b];
/** mask lanes ? a : b (v128.bitselect). */
export const bitselect = (a: Code, b: Code, mask: Code): Code => [a, b, mask, simd(0x52)];

/** if (cond) { then } else { otherwise } (no result). */
export const when = (cond: Code, then: Code[], otherwise?: Code[]): Code => [
  cond,
  0x04,
  0x40,
  then,
  otherwise ? [0x05, otherwise] : [],
  0x0b,
];

/** while (cond) { body }: block { loop { br_if !cond → out; body; br loop } }. */
export const whileLoop = (cond: Code, body: Code[]): Code => [
  0x02,
  0x40,
  0x03,
  0x40,
  cond,
  0x45, // i32.eqz
  0x0d,
  1, // br_if 1 (out of the block)
  body,
  0x0c,
  0, // br 0 (loop again)
  0x0b,
  0x0b,
];

/** do { body } while (cond). */
export const doWhile = (body: Code[], cond: Code): Code => [0x03, 0x40, body, cond, 0x0d, 0, 0x0b];

// ---- functions and the module ----

export interface FunctionDef {
  /** Export name. */
  name: string;
  /** Parameter types, in order (locals 0..params.length-1). */
  params: ValType[];
  /** Extra local types (numbered after the parameters). */
  locals: ValType[];
  body: Code[];
}

/**
 * Builds a function from named parameters and locals: `build` receives a map from each name to its
 * local index and returns the body.
 */
export function func(
  exportName: string,
  params: Record<string, ValType>,
  locals: Record<string, ValType>,
  build: (v: Record<string, number>) => Code[],
): FunctionDef {
  const index: Record<string, number> = {};
  const names = [...Object.keys(params), ...Object.keys(locals)];
  names.forEach((n, i) => {
    index[n] = i;
  });
  const v = new Proxy(index, {
    get(target, key: string) {
      if (!(key in target)) throw new Error(`wasm kernel ${exportName}: no local named ${key}`);
      return target[key];
    },
  });
  return { name: exportName, params: Object.values(params), locals: Object.values(locals), body: build(v) };
}

function flatten(code: Code, out: number[]): number[] {
  if (typeof code === "number") out.push(code);
  else for (const c of code) flatten(c, out);
  return out;
}

/**
 * A module importing "env"."memory" (shared or not, `maxPages` maximum) and exporting `funcs`.
 * All functions return nothing.
 */
export function assemble(funcs: FunctionDef[], memory: { shared: boolean; maxPages: number }): Uint8Array {
  const typeKeys: string[] = [];
  const typeOf = funcs.map((f) => {
    const key = f.params.join(",");
    let t = typeKeys.indexOf(key);
    if (t < 0) t = typeKeys.push(key) - 1;
    return t;
  });
  const types = typeKeys.map((k) => {
    const ps = k === "" ? [] : k.split(",").map(Number);
    return [0x60, ...uleb(ps.length), ...ps, 0];
  });
  const limits = [memory.shared ? 0x03 : 0x01, ...uleb(1), ...uleb(memory.maxPages)];
  const imports = [[...name("env"), ...name("memory"), 0x02, ...limits]];
  const exports = funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = funcs.map((f) => {
    const localGroups = f.locals.map((t) => [1, t]);
    const code = flatten(f.body, []);
    const body = [...vec(localGroups), ...code, 0x0b];
    return [...uleb(body.length), ...body];
  });
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(typeOf.map((t) => uleb(t)))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ];
  return Uint8Array.from(bytes);
}
