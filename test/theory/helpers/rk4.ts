/**
 * A deliberately simple fixed-step classical RK4, written independently of src/theory/ode.ts, used by the
 * theory tests as the reference solution of each ODE.
 */
export function rk4(
  f: (t: number, y: number[]) => number[],
  y0: number[],
  t0: number,
  t1: number,
  steps: number,
  onStep?: (t: number, y: number[]) => boolean | undefined,
): number[] {
  let y = [...y0];
  const h = (t1 - t0) / steps;
  for (let i = 0; i < steps; i++) {
    const t = t0 + i * h;
    const k1 = f(t, y);
    const k2 = f(
      t + h / 2,
      y.map((v, j) => v + (h / 2) * k1[j]),
    );
    const k3 = f(
      t + h / 2,
      y.map((v, j) => v + (h / 2) * k2[j]),
    );
    const k4 = f(
      t + h,
      y.map((v, j) => v + h * k3[j]),
    );
    y = y.map((v, j) => v + (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]));
    if (onStep && onStep(t + h, y) === false) break;
  }
  return y;
}

export const sig = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export function relErr(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}
