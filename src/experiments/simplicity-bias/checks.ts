import { absoluteCheck } from "../../kit/checks.js";
import type { Check, Published } from "../experiment.js";
import { ffChecks } from "./frequency-checks.js";
import { interval } from "./interval.js";
import type { SbMeasurement } from "./measure.js";
import type { SbSettings } from "./settings.js";

/**
 * (SB1) the net fits LMS data; (SB2) shuffling the linear coordinate alone drops it to chance (it uses
 * only the simplest feature); (SB3) shuffling every slab coordinate leaves it unchanged.
 */
/** Shah et al.'s result for LMS-5, as literature.md read it (their notebook's prose; no percentage read). */
const SHAH =
  "Shah et al. 2020, LMS-5 with a depth-2 width-200 FCN (their notebook's prose via literature.md; exact % not read)";
const quoted = (c: Check, value: string): Check => ({
  ...c,
  published: { value, source: SHAH } as Published,
});

export function sbChecks(m: SbMeasurement, s: SbSettings): Check[] {
  const test = interval(m.seeds, "test");
  const sr = interval(m.seeds, "sRandomized");
  const sc = interval(m.seeds, "scRandomized");
  const binom = 3 * Math.sqrt(0.25 / s.nTest);
  return [
    absoluteCheck(
      "SB1",
      `test accuracy on LMS-${s.k} (mean of ${s.seeds} seeds)`,
      1,
      test.mean,
      0.02,
      "every coordinate alone separates the classes with margin 0.1: a fitted net should classify ≥ 98% of fresh points",
    ),
    quoted(
      absoluteCheck(
        "SB2",
        "S-randomised test accuracy (linear coordinate shuffled) is chance",
        0.5,
        sr.mean,
        binom,
        `3 binomial standard errors of a chance classifier on ${s.nTest} points: 3·√(¼/${s.nTest})`,
      ),
      "about chance",
    ),
    quoted(
      absoluteCheck(
        "SB3",
        "Sᶜ-randomised test accuracy (all slab coordinates shuffled) equals the test accuracy",
        test.mean,
        sc.mean,
        binom,
        `3 binomial standard errors on ${s.nTest} points`,
      ),
      "about unchanged",
    ),
    ...ffChecks(m.frequency, s),
  ];
}
