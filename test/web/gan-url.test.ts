import { describe, expect, it } from "vitest";
import { DEFAULT_GAN_CHOICE } from "../../web/src/gan/gan-session.js";
import { decodeGanHash, encodeGanHash, isGanHash } from "../../web/src/gan/gan-url.js";

describe("the GAN tab's URL state", () => {
  it("round-trips every choice", () => {
    for (const data of ["ring", "grid"] as const)
      for (const loss of ["minimax", "nonsaturating", "hinge"] as const)
        for (const optimizer of ["adam", "sgd"] as const) {
          const c = { data, loss, optimizer, seed: 17 };
          const hash = encodeGanHash(c);
          expect(isGanHash(hash)).toBe(true);
          expect(decodeGanHash(hash)).toEqual({ choice: c, error: null });
        }
  });

  it("the bare tab is the defaults; an unreadable field keeps its default and is named", () => {
    expect(decodeGanHash("#gan")).toEqual({ choice: DEFAULT_GAN_CHOICE, error: null });
    const bad = decodeGanHash("#gan?data=spiral&seed=1.5&loss=minimax");
    expect(bad.choice).toEqual({ ...DEFAULT_GAN_CHOICE, loss: "minimax" });
    expect(bad.error).toBe(
      'The link\'s GAN settings could not all be read: data "spiral" (one of ring, grid); seed "1.5" (an integer). Using the defaults for those.',
    );
    expect(isGanHash("#v=1&config=abc")).toBe(false);
    expect(isGanHash("#gangway")).toBe(false);
  });
});
