/** Mean ± 95% Student-t interval over seeds, shared by the study's checks, figures and words. */

/** Student-t 97.5% quantiles for 1…9 degrees of freedom (beyond: the normal's 1.96 plus a little). */
const T975 = [12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262];

/** Mean and 95% half-width over seeds of one accuracy. */
export function interval<T>(seeds: readonly T[], key: keyof T): { mean: number; half: number } {
  const v = seeds.map((s) => s[key] as number);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  if (v.length < 2) return { mean, half: Number.NaN };
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
  const t = T975[v.length - 2] ?? 2;
  return { mean, half: (t * sd) / Math.sqrt(v.length) };
}
