import { describe, expect, it } from "vitest";
import { createGanRun } from "../../src/gan/train.js";
import { GanSession, ganLabConfig, SURFACE_SIZE } from "../../web/src/gan/gan-session.js";

describe("GanSession (the GAN view's training)", () => {
  it("trains the bench's run in chunks: the same records as the library run to the same point", () => {
    const choice = { data: "ring", loss: "hinge", optimizer: "adam", seed: 3 } as const;
    const s = new GanSession(choice);
    const first = s.frame();
    expect(first.iteration).toBe(0);
    expect(first.records.length).toBe(1);
    expect(first.samples.length).toBe(2 * 2500);
    expect(first.surface.length).toBe(SURFACE_SIZE * SURFACE_SIZE);
    expect(first.captured.length).toBe(8);
    for (const k of [7, 40, 53]) s.advance(k);
    const f = s.frame();
    expect(f.iteration).toBe(100);
    expect(f.records.map((r) => r.iteration)).toEqual([50, 100]);
    const lib = createGanRun(ganLabConfig(choice));
    lib.advance(100);
    expect(f.records).toEqual(lib.history.slice(1));
    expect(f.samples).toEqual(Array.from(lib.samples()));
    // The samples moved, and D's surface is no longer what it was at the start.
    expect(f.samples).not.toEqual(first.samples);
    expect(f.surface).not.toEqual(first.surface);
  });

  it("shows the grid on a wider plane, with SGD at the bench's learning rate", () => {
    const s = new GanSession({ data: "grid", loss: "minimax", optimizer: "sgd", seed: 0 });
    expect(s.info.means.length).toBe(50);
    expect(s.info.extent).toEqual([-6, 6]);
    expect(s.status).toBe("running");
    expect(ganLabConfig({ data: "grid", loss: "minimax", optimizer: "sgd", seed: 0 }).optimizer.lr).toBe(
      0.05,
    );
  });
});
