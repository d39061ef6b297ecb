/**
 * Special functions used by the closed forms of THEORY.md: the exponential integral `Ei` (§3, P5)
 * and the Gudermannian `gd` (§3, P8). The stable `sigmoid` / `softplus` of §1 live in `src/math/logistic.ts`.
 *
 * Why `Ei` is written here rather than taken from a library: no well-kept npm package offers a float64 `Ei`
 * usable synchronously in the browser. `@stdlib` has no exponential integral; `cephes` (npm) is a
 * WebAssembly build that must be awaited (`await cephes.compiled`) before use in the browser, which would
 * make every closed form asynchronous. The implementation below (power series, a root-centred series near
 * the zero of `Ei`, the asymptotic series, and Lentz's continued fraction for `E1`) is checked against
 * mpmath at 1e-13 relative (test/theory/fixtures/make_ei.py).
 *
 * @module
 */

/** Euler–Mascheroni constant γ. */
export const EULER_GAMMA = 0.5772156649015329;

/** The positive zero of Ei, x₀ = 0.372507410781366634461991866580…, split into a double and its remainder. */
const EI_ROOT_HI = 0.3725074107813666;
const EI_ROOT_LO = 1.3140183414386028e-17;
const EPS = 2.220446049250313e-16;

/**
 * Exponential integral `E1(z) = ∫_z^∞ e^{-s}/s ds` for real `z > 0` (so that `Ei(x) = −E1(−x)` for `x < 0`).
 * Series for `z ≤ 1`, modified-Lentz continued fraction beyond. Returns `+Infinity` at 0, `NaN` for `z < 0`.
 *
 * Used by {@link ei}; THEORY.md §3 (P5).
 */
export function e1(z: number): number {
  if (Number.isNaN(z) || z < 0) return Number.NaN;
  if (z === 0) return Number.POSITIVE_INFINITY;
  if (z > 745) return 0;
  if (z <= 1) {
    // E1(z) = −γ − ln z − Σ_{k≥1} (−z)^k / (k·k!)
    let term = 1;
    let sum = 0;
    for (let k = 1; k < 100; k++) {
      term *= -z / k;
      const add = term / k;
      sum += add;
      if (Math.abs(add) < EPS * Math.abs(sum) * 0.1) break;
    }
    return -EULER_GAMMA - Math.log(z) - sum;
  }
  // Continued fraction E1(z) = e^{-z} · 1/(z+1− 1²/(z+3− 2²/(z+5− …))) evaluated by modified Lentz.
  const tiny = 1e-300;
  let b = z + 1;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * i;
    b += 2;
    d = 1 / (an * d + b);
    c = b + an / c;
    const del = c * d;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h * Math.exp(-z);
}

/**
 * Exponential integral `Ei(x) = −PV ∫_{−x}^∞ e^{−s}/s ds` for real `x` (`Ei(x) = −E1(−x)` for `x < 0`).
 * About 1e-15 relative accuracy everywhere, including near the zero x₀ ≈ 0.3725 (a series centred on
 * x₀ avoids cancellation). `Ei(0) = −Infinity`; overflows to `+Infinity` past x ≈ 716.
 *
 * Implements the `Ei` of the balanced closed form, THEORY.md §3 (P5).
 */
export function ei(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x < 0) return -e1(-x);
  if (x === Number.POSITIVE_INFINITY) return x;
  const d = x - EI_ROOT_HI - EI_ROOT_LO;
  if (Math.abs(d) < 0.15) {
    // Ei(x) = ln(x/x₀) + Σ_{k≥1} (x^k − x₀^k)/(k·k!), with x^k − x₀^k = x·(x^{k−1} − x₀^{k−1}) + x₀^{k−1}·d
    // computed without cancellation (every term has the sign of d).
    let q = 0; // x^{k-1} - x0^{k-1}
    let p0 = 1; // x0^{k-1}
    let fact = 1;
    let sum = 0;
    for (let k = 1; k < 60; k++) {
      q = x * q + p0 * d;
      p0 *= EI_ROOT_HI;
      fact *= k;
      const add = q / (k * fact);
      sum += add;
      if (Math.abs(add) <= EPS * 0.1 * Math.abs(sum)) break;
    }
    return Math.log1p(d / EI_ROOT_HI) + sum;
  }
  if (x < 40) {
    // Ei(x) = γ + ln x + Σ_{k≥1} x^k/(k·k!)
    let term = 1;
    let sum = 0;
    for (let k = 1; k < 500; k++) {
      term *= x / k;
      const add = term / k;
      sum += add;
      if (add < EPS * 0.1 * sum) break;
    }
    return EULER_GAMMA + Math.log(x) + sum;
  }
  // Asymptotic series Ei(x) ~ e^x/x · Σ_k k!/x^k, truncated at the smallest term (< 1e-16 for x ≥ 40).
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 200; k++) {
    const next = (term * k) / x;
    if (next > term) break;
    term = next;
    sum += term;
    if (term < EPS * 0.1 * sum) break;
  }
  return Math.exp(x - Math.log(x)) * sum;
}

/**
 * Gudermannian `gd(s) = arctan(sinh s)`, computed as `2·arctan(tanh(s/2))` (no overflow for large |s|).
 * Implements the error curve `E(t) = ½[1 − gd(r t)/π]`, THEORY.md §3 (P8).
 */
export function gd(s: number): number {
  return 2 * Math.atan(Math.tanh(s / 2));
}

/**
 * Inverse Gudermannian `gd⁻¹(φ) = asinh(tan φ) = 2·atanh(tan(φ/2))` for `|φ| < π/2` (±Infinity at ±π/2,
 * NaN beyond). THEORY.md §3 (P8): the time at which the error curve reaches a given level.
 */
export function gdInv(phi: number): number {
  if (Math.abs(phi) > Math.PI / 2) return Number.NaN;
  if (phi === Math.PI / 2) return Number.POSITIVE_INFINITY;
  if (phi === -Math.PI / 2) return Number.NEGATIVE_INFINITY;
  return 2 * Math.atanh(Math.tan(phi / 2));
}
