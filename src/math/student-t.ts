/**
 * Student's t distribution: its quantile by inverting the distribution function, the regularized incomplete
 * beta function (continued fraction, Lanczos ln Γ), with safeguarded Newton steps; accurate to ~1e-13.
 */
import { normalQuantile } from "./normal.js";

// Lanczos approximation of ln Γ (g = 7, 9 terms; relative error below 1e-15 for x > 0).
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction of the incomplete beta function (modified Lentz), converging for x < (a+1)/(a+b+2). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x >= 0 && x <= 1 && a > 0 && b > 0)) return Number.NaN;
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** The upper tail P(T > t) of Student's t with ν degrees of freedom, for t ≥ 0. */
function studentTUpper(t: number, nu: number): number {
  return 0.5 * regularizedBeta(nu / (nu + t * t), nu / 2, 0.5);
}

/** The density of Student's t with ν degrees of freedom. */
function studentTDensity(t: number, nu: number): number {
  const logNorm = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
  return Math.exp(logNorm - ((nu + 1) / 2) * Math.log1p((t * t) / nu));
}

/**
 * The quantile of Student's t with `nu` > 0 degrees of freedom (not necessarily whole, as in Welch's test)
 * at probability `p` in (0, 1). For example `studentTQuantile(0.975, 9)` = 2.2621571627… is the
 * half-width factor of a two-sided 95% interval over 10 values.
 */
export function studentTQuantile(p: number, nu: number): number {
  if (!(nu > 0)) throw new Error(`studentTQuantile: degrees of freedom must be > 0, got ${nu}`);
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  if (p === 1) return Number.POSITIVE_INFINITY;
  const tail = 1 - p;
  // Exact forms for ν = 1 (Cauchy) and ν = 2; otherwise bracket [lo, hi] and refine by Newton steps,
  // falling back to bisection whenever a step would leave the bracket.
  if (nu === 1) return Math.tan(Math.PI * (p - 0.5));
  if (nu === 2) return (2 * p - 1) / Math.sqrt(2 * p * tail);
  let lo = 0;
  let hi = Math.max(1, normalQuantile(p));
  while (studentTUpper(hi, nu) > tail) {
    lo = hi;
    hi *= 2;
  }
  let t = 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const f = studentTUpper(t, nu) - tail;
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    const next = t + f / studentTDensity(t, nu);
    const inside = next > lo && next < hi;
    const candidate = inside ? next : 0.5 * (lo + hi);
    if (Math.abs(candidate - t) <= 4 * Number.EPSILON * t) return candidate;
    t = candidate;
  }
  return t;
}
