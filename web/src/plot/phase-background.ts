/**
 * The phase portrait's fixed part (THEORY.md §4): the theory's regions, the flow lines a² − b² = c, the
 * failure boundary b = −a and the axes, painted on a canvas of their own; and what a redraw of the units'
 * paths depends on.
 */
import { FONT } from "./layers.js";
import { M, REGION_COLORS } from "./plane-frame.js";
import type { Scale } from "./scale.js";

/** The phase portrait's fixed part: background, the theory's regions and flow lines, the a and b axes. */
export function phaseBackground(
  ctx: CanvasRenderingContext2D,
  x: Scale,
  y: Scale,
  R: number,
  side: number,
  theory: boolean,
): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(M.left, M.top, side, side);
  ctx.clip();
  ctx.fillStyle = "#fbfbfc";
  ctx.fillRect(M.left, M.top, side, side);
  if (theory) {
    const poly = (pts: [number, number][], color: string) => {
      ctx.fillStyle = color;
      ctx.globalAlpha = 0.14;
      ctx.beginPath();
      for (const [a, b] of pts) ctx.lineTo(x(a), y(b));
      ctx.closePath();
      ctx.fill();
      ctx.globalAlpha = 1;
    };
    poly(
      [
        [-R, -R],
        [0, -R],
        [0, R],
        [-R, R],
      ],
      REGION_COLORS.dead,
    );
    poly(
      [
        [0, 0],
        [R, 0],
        [R, R],
        [0, R],
      ],
      REGION_COLORS.learned,
    );
    poly(
      [
        [0, 0],
        [R, 0],
        [R, -R],
      ],
      REGION_COLORS.recovers,
    );
    poly(
      [
        [0, 0],
        [R, -R],
        [0, -R],
      ],
      REGION_COLORS.failed,
    );
    // Flow lines: hyperbolas a² − b² = c in the live half-plane a > 0.
    ctx.strokeStyle = "rgba(90,90,90,0.35)";
    ctx.lineWidth = 0.8;
    const path = (f: (s: number) => [number, number], s0: number, s1: number) => {
      ctx.beginPath();
      for (let s = s0; s <= s1 + 1e-9; s += 0.08) {
        const [a, b] = f(s);
        ctx.lineTo(x(a), y(b));
      }
      ctx.stroke();
    };
    for (let k = 1; k <= 6; k++) {
      const c = (R * k) / 6.5;
      path((s) => [c * Math.cosh(s), c * Math.sinh(s)], -4, 4); // a² − b² = c² > 0
      path((s) => [c * Math.sinh(s), c * Math.cosh(s)], 0, 4); // a² − b² = −c², b > 0
      path((s) => [c * Math.sinh(s), -c * Math.cosh(s)], 0, 4); // a² − b² = −c², b < 0
    }
    ctx.strokeStyle = "#222";
    ctx.setLineDash([7, 4]);
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    ctx.moveTo(x(0), y(0));
    ctx.lineTo(x(R), y(-R));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.font = `bold ${FONT}`;
    ctx.textAlign = "center";
    const label = (text: string, a: number, b: number, color: string) => {
      ctx.fillStyle = color;
      ctx.fillText(text, x(a), y(b));
    };
    label("learned", R * 0.55, R * 0.85, "#00654a");
    label("recovers", R * 0.8, -R * 0.3, "#004f7c");
    label("fails", R * 0.3, -R * 0.85, "#9a4000");
    label("dead (a ≤ 0)", -R * 0.5, R * 0.85, "#555");
    ctx.font = FONT;
  }
  ctx.strokeStyle = "#9aa0a8";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(x(0), M.top);
  ctx.lineTo(x(0), M.top + side);
  ctx.moveTo(M.left, y(0));
  ctx.lineTo(M.left + side, y(0));
  ctx.stroke();
  ctx.restore();
}

/** What the trajectories' drawing depends on: they only grow, so lengths and last points stand for them. */
export function trajectorySignature(trajectories: readonly { a: number[]; yb: number[] }[]): string {
  const parts: number[] = [trajectories.length];
  for (const t of trajectories) {
    const n = t.a.length;
    parts.push(n);
    if (n > 0) parts.push(t.a[0], t.yb[0], t.a[n - 1], t.yb[n - 1]);
  }
  return parts.join(",");
}
