/**
 * The edge-of-stability workloads of the issue: Cohen et al.'s chebyshev-5-20 tanh net and 20-layer
 * 50 × 50 deep linear net (squared loss), and the paper's own ReLU net under cross-entropy.
 */
import { type ChebyshevWorkload, chebyshevNet } from "./chebyshev-net.js";
import { type DeepLinearWorkload, deepLinearNet } from "./deep-linear-net.js";
import type { EosNet } from "./net-on-data.js";
import { type ReluCeWorkload, reluCeNet } from "./relu-ce-net.js";

/** One of the study's workloads, by kind. */
export type EosWorkload = ChebyshevWorkload | DeepLinearWorkload | ReluCeWorkload;

/** Builds the workload's net on its data with its seed's init. */
export function eosNet(w: EosWorkload, seed: number): EosNet {
  switch (w.kind) {
    case "chebyshev":
      return chebyshevNet(w, seed);
    case "deep-linear":
      return deepLinearNet(w, seed);
    case "relu-ce":
      return reluCeNet(w, seed);
  }
}

/** A workload in a few words, for figure groups and limits. */
export function workloadName(w: EosWorkload): string {
  switch (w.kind) {
    case "chebyshev":
      return `tanh 1→${w.hidden.join("→")}→1, chebyshev-${w.degree}-${w.points}`;
    case "deep-linear":
      return `deep linear ${w.depth} × ${w.width}²`;
    case "relu-ce":
      return `ReLU ${w.dim}→${w.hidden}→1, CE, random labels n = ${w.points}`;
  }
}
