import { describe, expect, it } from "vitest";
import { simAndTheory } from "../../src/figures/simAndTheory.js";
import { paletteColor } from "../../src/figures/theme.js";

describe("simAndTheory", () => {
  it("gives a coloured simulation and a dashed theory in one legend group", () => {
    const pts = [{ x: 1, y: 2 }];
    const [sim, theory] = simAndTheory({
      group: "‖x‖ = 2",
      color: 3,
      sim: { name: "sim r=2", points: pts, showPoints: true },
      theory: { name: "Ei r=2", points: pts },
    });
    expect(sim).toEqual({
      name: "sim r=2",
      group: "‖x‖ = 2",
      color: paletteColor(3),
      points: pts,
      showPoints: true,
    });
    expect(theory).toEqual({ name: "Ei r=2", group: "‖x‖ = 2", kind: "theory", points: pts });
    expect(theory.color).toBeUndefined();
  });

  it("leaves showPoints unset unless asked", () => {
    const [sim] = simAndTheory({
      group: "g",
      color: 0,
      sim: { name: "a", points: [] },
      theory: { name: "b", points: [] },
    });
    expect("showPoints" in sim).toBe(false);
  });
});
