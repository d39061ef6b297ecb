/**
 * GAN losses on discriminator logits f = D(x), in numerically stable softplus form
 * (softplus(u) = ln(1 + eᵘ), so −ln σ(f) = softplus(−f) and −ln(1 − σ(f)) = softplus(f)).
 *
 * Discriminator (minimised), over a real batch r and a fake batch g = G(z):
 * - cross-entropy ("minimax" and "nonsaturating"): mean softplus(−f_r) + mean softplus(f_g)
 *   (= −log σ(D(x)) − log(1 − σ(D(G(z))))).
 * - hinge: mean max(0, 1 − f_r) + mean max(0, 1 + f_g).
 *
 * Generator (minimised), over the fake batch:
 * - "minimax": mean ln(1 − σ(f_g)) = −mean softplus(f_g) (Goodfellow et al. 2014, saturates when D
 *   rejects the fakes: its gradient σ(f_g) → 0 as f_g → −∞);
 * - "nonsaturating": mean softplus(−f_g) (= −log σ(D(G(z))), the same paper's practical variant);
 * - "hinge": −mean f_g (Lim & Ye 2017; Miyato et al. 2018; the "hinge GAN" of SAGAN/BigGAN).
 *
 * Each function returns the loss and writes ∂loss/∂f_i into `grad` (the batch mean included), the
 * quantity the engine's backward pass takes in `ws.dLogits`.
 */
import { sigmoid, softplus } from "../math/logistic.js";

/** Loss families of the GAN bench. */
export type GanLoss = "minimax" | "nonsaturating" | "hinge";

export const GAN_LOSSES: readonly GanLoss[] = ["minimax", "nonsaturating", "hinge"];

/**
 * Discriminator loss over `nReal` real logits (f[0 … nReal−1]) followed by `nFake` fake logits
 * (f[nReal …]): the mean over the real batch plus the mean over the fake batch. Writes ∂loss/∂f into grad.
 */
export function discriminatorLoss(
  loss: GanLoss,
  f: ArrayLike<number>,
  nReal: number,
  nFake: number,
  grad: Float64Array,
): number {
  let total = 0;
  const wr = 1 / nReal;
  const wf = 1 / nFake;
  if (loss === "hinge") {
    for (let i = 0; i < nReal; i++) {
      const m = 1 - f[i];
      total += m > 0 ? m * wr : 0;
      grad[i] = m > 0 ? -wr : 0;
    }
    for (let i = nReal; i < nReal + nFake; i++) {
      const m = 1 + f[i];
      total += m > 0 ? m * wf : 0;
      grad[i] = m > 0 ? wf : 0;
    }
    return total;
  }
  for (let i = 0; i < nReal; i++) {
    total += softplus(-f[i]) * wr;
    grad[i] = -sigmoid(-f[i]) * wr;
  }
  for (let i = nReal; i < nReal + nFake; i++) {
    total += softplus(f[i]) * wf;
    grad[i] = sigmoid(f[i]) * wf;
  }
  return total;
}

/** Generator loss over n fake logits; writes ∂loss/∂f into grad. */
export function generatorLoss(loss: GanLoss, f: ArrayLike<number>, n: number, grad: Float64Array): number {
  let total = 0;
  const w = 1 / n;
  for (let i = 0; i < n; i++) {
    const u = f[i];
    if (loss === "hinge") {
      total -= u * w;
      grad[i] = -w;
    } else if (loss === "minimax") {
      total -= softplus(u) * w;
      grad[i] = -sigmoid(u) * w;
    } else {
      total += softplus(-u) * w;
      grad[i] = -sigmoid(-u) * w;
    }
  }
  return total;
}
