import type { Mlp } from "../../engine/mlp.js";

/**
 * A whole batched GD step compiled for one architecture and data size: straight-line JavaScript (no loops
 * over layers, points or weights; every value a local) applied run by run, so a tiny net's step costs a
 * few dozen arithmetic operations per run instead of a dozen passes over stacked arrays. Made with
 * `new Function` from the layout alone (numbers never enter the source). Bit-identical to the stacked
 * kernels (stacked-mlp.ts, quiet-steps.ts): each value is computed with the same scalar operations in the
 * same order — products summed from 0 left to right, the bias after, ReLU's derivative zeroing, the CE
 * gradient and bound as ceGradientAndBound, the update p − lr·(g + wd·p).
 */
export interface FusedStep {
  /**
   * The fast path of every live run at `step` (see quietPass): forward, and for runs that need nothing
   * else this step (CE, no target, no record due, bound passed) the gradient, backward and update.
   * Sets `fast[r]` to 1 for those; the others get their logits in `logits` ([i·B + r]) for the per-run path.
   */
  quiet(step: number): void;
  /** Backward and update of run r from the ∂L/∂f the per-run path left in `dLogits` ([i·B + r]). */
  given(r: number): void;
}

/** Arrays a fused step reads and writes (the stacked layouts, [element·B + r]). */
export interface FusedArrays {
  runs: number;
  params: Float64Array;
  x: Float64Array;
  logits: Float64Array;
  dLogits: Float64Array;
  live: Uint8Array;
  eligible: Uint8Array;
  fast: Uint8Array;
  nextDue: Float64Array;
  steps: Float64Array;
  y: Float64Array;
  scale: Float64Array;
  divergeAbove: Float64Array;
  sd: Float64Array;
  lr: Float64Array;
  wd: Float64Array;
  /** Leaky-ReLU's negative-side slope, as a 1-element array (a number field could change the object's shape). */
  slope: Float64Array;
}

/** Straight-line code grows with points × parameters; above this the stacked kernels are used instead. */
export const FUSED_MAX_TERMS = 1024;

/** Compiles the fused step of `mlp` for `n` points, or returns null (too large, or no `new Function` here). */
export function compileFusedStep(mlp: Mlp, n: number, a: FusedArrays): FusedStep | null {
  if (n * mlp.size > FUSED_MAX_TERMS) return null;
  try {
    const quiet = compiled("step", `for (let r = 0; r < B; r++) {\n${lane(mlp, n, true)}\n}`);
    const given = compiled("r", lane(mlp, n, false));
    return { quiet: (step) => quiet(a, step), given: (r) => given(a, r) };
  } catch {
    return null; // a page whose Content-Security-Policy forbids eval: the stacked kernels do the same work
  }
}

type Compiled = (a: FusedArrays, arg: number) => void;

/**
 * Compiled steps by source: one function per architecture for the whole process, so the engine's
 * optimized code is reused by every batch instead of warming up again for each one.
 */
const cache = new Map<string, Compiled>();

function compiled(arg: string, body: string): Compiled {
  const key = `${arg}\n${body}`;
  let f = cache.get(key);
  if (!f) {
    f = new Function("A", arg, `${prologue()}\n${body}`) as Compiled;
    cache.set(key, f);
  }
  return f;
}

function prologue(): string {
  // Everything read once per call: inside the loop only locals and typed arrays are touched.
  return [
    "const B = A.runs, P = A.params, X = A.x, L = A.logits, D = A.dLogits, Y = A.y, slope = A.slope[0];",
    "const live = A.live, eligible = A.eligible, fast = A.fast, nextDue = A.nextDue, steps = A.steps;",
    "const scale = A.scale, divergeAbove = A.divergeAbove, sdOf = A.sd, lrOf = A.lr, wdOf = A.wd;",
  ].join("\n");
}

/** The statements of one run's step (`quiet`: the fast path with its checks; else: from D). */
function lane(mlp: Mlp, n: number, quiet: boolean): string {
  const out: string[] = [];
  const { activation } = mlp.spec;
  const layers = mlp.layers;
  const last = layers.length - 1;
  if (quiet) out.push("if (!live[r]) continue;");
  for (let e = 0; e < mlp.size; e++) out.push(`const p${e} = P[${e} * B + r];`);
  const d = layers[0].inputs;
  for (let i = 0; i < n; i++)
    for (let p = 0; p < d; p++) out.push(`const x${i}_${p} = X[${i * d + p} * B + r];`);
  const inputName = (l: number, i: number, p: number) => (l === 0 ? `x${i}_${p}` : `h${l - 1}_${i}_${p}`);
  // Forward.
  layers.forEach((L, l) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < L.outputs; j++) {
        const z = `z${l}_${i}_${j}`;
        out.push(`let ${z} = 0;`);
        for (let p = 0; p < L.inputs; p++)
          out.push(`${z} += ${inputName(l, i, p)} * p${L.weightOffset + j * L.inputs + p};`);
        if (L.biasOffset >= 0) out.push(`${z} += p${L.biasOffset + j};`);
        if (l < last) out.push(`const h${l}_${i}_${j} = ${activate(activation, z)};`);
      }
    }
  });
  const f = (i: number) => `z${last}_${i}_0`;
  if (quiet) {
    const eligible = "eligible[r] && step < steps[r] && nextDue[r] !== step";
    const logitsOut = Array.from({ length: n }, (_, i) => `L[${i} * B + r] = ${f(i)};`).join(" ");
    out.push(`if (!(${eligible})) { fast[r] = 0; ${logitsOut} continue; }`);
    out.push("const sc = scale[r];", "let bound = 0;");
    for (let i = 0; i < n; i++) {
      out.push(
        `const y${i} = Y[${i} * B + r], m${i} = y${i} * ${f(i)}; let sig${i};`,
        `if (m${i} >= 0) { const e = Math.exp(-m${i}); bound += e; sig${i} = e / (1 + e); } else { const e = Math.exp(m${i}); bound += -m${i} + e; sig${i} = 1 / (1 + e); }`,
        `let d${last}_${i}_0 = sc * (-y${i} * sig${i});`,
      );
    }
    out.push(`if (!(bound * sc <= divergeAbove[r])) { fast[r] = 0; ${logitsOut} continue; }`);
    out.push("const sd = sdOf[r];");
    out.push(
      `if (sd > 0) { ${Array.from({ length: n }, (_, i) => `d${last}_${i}_0 += (sd * ${f(i)}) / ${n};`).join(" ")} }`,
    );
    out.push("fast[r] = 1;");
  } else {
    for (let i = 0; i < n; i++) out.push(`const d${last}_${i}_0 = D[${i} * B + r];`);
  }
  // Backward: gradients of every layer, then ∂L/∂h of the layer below.
  for (let l = last; l >= 0; l--) {
    const L = layers[l];
    for (let j = 0; j < L.outputs; j++) {
      for (let p = 0; p < L.inputs; p++) {
        const g = `g${L.weightOffset + j * L.inputs + p}`;
        out.push(`let ${g} = 0;`);
        if (mlp.diagonal[l] && j !== p) continue;
        for (let i = 0; i < n; i++) out.push(`${g} += d${l}_${i}_${j} * ${inputName(l, i, p)};`);
      }
    }
    if (L.biasOffset >= 0) {
      for (let j = 0; j < L.outputs; j++) {
        const g = `g${L.biasOffset + j}`;
        out.push(`let ${g} = 0;`);
        for (let i = 0; i < n; i++) out.push(`${g} += d${l}_${i}_${j};`);
      }
    }
    if (l === 0) break;
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < L.inputs; p++) {
        const t = `d${l - 1}_${i}_${p}`;
        out.push(`let ${t} = 0;`);
        for (let j = 0; j < L.outputs; j++)
          out.push(`${t} += d${l}_${i}_${j} * p${L.weightOffset + j * L.inputs + p};`);
        out.push(derivative(activation, t, `z${l - 1}_${i}_${p}`, `h${l - 1}_${i}_${p}`));
      }
    }
  }
  out.push("const lr = lrOf[r], wd = wdOf[r];");
  for (let e = 0; e < mlp.size; e++) out.push(`P[${e} * B + r] = p${e} - lr * (g${e} + wd * p${e});`);
  return out.join("\n");
}

/** φ(z) as activate() computes it. */
function activate(kind: Mlp["spec"]["activation"], z: string): string {
  switch (kind) {
    case "relu":
      return `${z} > 0 ? ${z} : 0`;
    case "leaky-relu":
      return `${z} > 0 ? ${z} : slope * ${z}`;
    case "tanh":
      return `Math.tanh(${z})`;
    case "linear":
      return z;
  }
}

/** grad ·= φ'(z) as multiplyByDerivative() computes it. */
function derivative(kind: Mlp["spec"]["activation"], grad: string, z: string, h: string): string {
  switch (kind) {
    case "relu":
      return `if (!(${z} > 0)) ${grad} = 0;`;
    case "leaky-relu":
      return `if (!(${z} > 0)) ${grad} *= slope;`;
    case "tanh":
      return `${grad} *= 1 - ${h} * ${h};`;
    case "linear":
      return "";
  }
}
