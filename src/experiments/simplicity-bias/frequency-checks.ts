/**
 * Checks of the frequency half: for each (p, r_B), the net relies on the feature C5 says is learned
 * first — A when ρ = p·r_B/r_A < 1, B when ρ > 1 — so shuffling that feature gives chance and shuffling
 * the other changes nothing (Shah et al.'s S-/Sᶜ-randomisation on THEORY.md §7's data).
 */
import { absoluteCheck } from "../../kit/checks.js";
import type { Check } from "../experiment.js";
import type { FfSetting } from "./frequency.js";
import { interval } from "./interval.js";
import type { SbSettings } from "./settings.js";

/** The feature C5 predicts the net relies on: the one whose mode grows faster (rate r_A vs p·r_B). */
export function predictedReliance(rho: number): "A" | "B" {
  return rho < 1 ? "A" : "B";
}

/** The feature whose shuffle costs more accuracy (the one the net measurably relies on). */
export function measuredReliance(f: FfSetting): "A" | "B" {
  return interval(f.seeds, "aRandomized").mean <= interval(f.seeds, "bRandomized").mean ? "A" : "B";
}

const fmt = (x: number) => x.toPrecision(2);

/** (FF1) the net fits each setting; (FF2) shuffling the predicted feature gives chance; (FF3) shuffling the other does not. */
export function ffChecks(settings: readonly FfSetting[], s: SbSettings): Check[] {
  const nTest = s.frequency.nTest;
  const binom = 3 * Math.sqrt(0.25 / nTest);
  const basis = `3 binomial standard errors of a chance classifier on ${nTest} points: 3·√(¼/${nTest})`;
  return settings.flatMap((f) => {
    const where = `p = ${f.p}, r_B = ${f.rB} (ρ = ${fmt(f.rho)})`;
    const relied = predictedReliance(f.rho);
    const other = relied === "A" ? "B" : "A";
    const key = (j: "A" | "B") => (j === "A" ? "aRandomized" : "bRandomized");
    const test = interval(f.seeds, "test").mean;
    const measured = measuredReliance(f);
    const finding =
      measured !== relied
        ? `At ${where} the net relies on ${measured}, not on ${relied}: shuffling A leaves ${fmt(interval(f.seeds, "aRandomized").mean)}, shuffling B ${fmt(interval(f.seeds, "bRandomized").mean)}. C5's rates (r_A vs p·r_B) put the switch at ρ = 1; this ReLU net switches ${f.rho < 1 ? "below" : "above"} it. On a test point each feature weighs its norm times its strength, and the early strengths stand in the ratio ρ, so B's weight against A's is ρ·r_B/r_A = ${fmt((f.rho * f.rB) / 1)} here: near ρ = 1 the norm counts twice and the rates alone do not decide.`
        : undefined;
    const chance = absoluteCheck(
      "FF2",
      `${where}: shuffling ${relied} (learned first, C5) drops the accuracy to chance`,
      0.5,
      interval(f.seeds, key(relied)).mean,
      binom,
      basis,
    );
    const unchanged = absoluteCheck(
      "FF3",
      `${where}: shuffling ${other} (starved, C7) leaves the accuracy unchanged`,
      test,
      interval(f.seeds, key(other)).mean,
      binom,
      `3 binomial standard errors on ${nTest} points`,
    );
    const withFinding = (c: Check): Check => (!c.pass && finding ? { ...c, finding } : c);
    return [
      absoluteCheck(
        "FF1",
        `${where}: test accuracy with A and B intact (mean of ${f.seeds.length} seeds)`,
        1,
        test,
        0.02,
        "A alone separates the classes with margin 1 (B too): a fitted net classifies ≥ 98% of fresh points",
      ),
      withFinding(chance),
      withFinding(unchanged),
    ];
  });
}
