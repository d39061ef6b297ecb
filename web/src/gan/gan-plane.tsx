/**
 * The GAN view's plane: the discriminator's logit as a heatmap (blue where D says "real", orange where it
 * says "fake", white at D = 0), the true modes as 3σ circles (green once captured), and the generated
 * samples on top. One canvas, redrawn per frame through the shared one-chart-per-frame queue.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { surfaceImage } from "../plot/decision-boundary.js";
import { cancelDraw, FONT, resetCanvas, scheduleDraw } from "../plot/layers.js";
import { formatValue, makeScale, tickLabel, ticks } from "../plot/scale.js";
import type { GanFrame, GanInfo } from "./gan-session.js";

const M = { left: 44, right: 12, top: 10, bottom: 34 };

export function GanPlane(props: { info: GanInfo; frame: GanFrame }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [w, setW] = useState(420);
  const [hover, setHover] = useState<{ px: number; py: number } | null>(null);
  const owner = useRef({}).current;
  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const update = () => setW(Math.max(240, Math.min(560, Math.floor(el.clientWidth))));
    const ro = new ResizeObserver(update);
    ro.observe(el);
    update();
    return () => ro.disconnect();
  }, []);
  useEffect(() => () => cancelDraw(owner), [owner]);
  const side = w - M.left - M.right;
  const h = side + M.top + M.bottom;
  const [lo, hi] = props.info.extent;
  const x = makeScale([lo, hi], [M.left, M.left + side], false);
  const y = makeScale([lo, hi], [M.top + side, M.top], false);
  useEffect(() => {
    scheduleDraw(owner, () => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const ctx = resetCanvas(canvas, w, h, window.devicePixelRatio || 1);
      if (ctx) draw(ctx);
    });
  });

  function draw(ctx: CanvasRenderingContext2D): void {
    const { info, frame } = props;
    const n = Math.round(Math.sqrt(frame.surface.length));
    const off = surfaceImage(frame.surface, n, n);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, M.left, M.top, side, side);
    ctx.save();
    ctx.beginPath();
    ctx.rect(M.left, M.top, side, side);
    ctx.clip();
    // True modes: a circle of radius 3σ (the high-quality zone), at least 5 px so it stays visible.
    const rad = Math.max(5, x(3 * info.std) - x(0));
    ctx.lineWidth = 2;
    for (let k = 0; k < info.means.length / 2; k++) {
      ctx.strokeStyle = frame.captured[k] ? "#00805a" : "#222";
      ctx.setLineDash(frame.captured[k] ? [] : [3, 3]);
      ctx.beginPath();
      ctx.arc(x(info.means[2 * k]), y(info.means[2 * k + 1]), rad, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.setLineDash([]);
    // Generated samples: small dark dots, one path.
    ctx.fillStyle = "rgba(120, 20, 60, 0.55)";
    ctx.beginPath();
    for (let i = 0; i < frame.samples.length; i += 2)
      ctx.rect(x(frame.samples[i]) - 1, y(frame.samples[i + 1]) - 1, 2, 2);
    ctx.fill();
    ctx.restore();
    ctx.strokeStyle = "#c9ced6";
    ctx.lineWidth = 1;
    ctx.strokeRect(M.left + 0.5, M.top + 0.5, side, side);
    ctx.font = FONT;
    ctx.fillStyle = "#4a5160";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const v of ticks([lo, hi], false, 5)) ctx.fillText(tickLabel(v, false), x(v), M.top + side + 5);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of ticks([lo, hi], false, 5)) ctx.fillText(tickLabel(v, false), M.left - 6, y(v));
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = "#2b303a";
    ctx.fillText("x₁", M.left + side / 2, h - 4);
    ctx.save();
    ctx.translate(11, M.top + side / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText("x₂", 0, 0);
    ctx.restore();
  }

  let readout: string | null = null;
  if (hover) {
    const gx = x.invert(hover.px);
    const gy = y.invert(hover.py);
    const n = Math.round(Math.sqrt(props.frame.surface.length));
    const i = Math.floor(((gx - lo) / (hi - lo)) * n);
    const j = Math.floor(((gy - lo) / (hi - lo)) * n);
    if (i >= 0 && j >= 0 && i < n && j < n) {
      const f = props.frame.surface[j * n + i];
      readout = `x = (${formatValue(gx, 3)}, ${formatValue(gy, 3)}) · D logit ${formatValue(f, 3)} · ${f > 0 ? "looks real to D" : "looks fake to D"}`;
    }
  }
  return (
    <div class="chart" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: `${w}px`, height: `${h}px` }}
        role="img"
        aria-label="generated samples over the true modes, on the discriminator's surface"
        data-testid="gan-plane"
        data-first-sample={`${props.frame.samples[0]},${props.frame.samples[1]}`}
        data-iteration={props.frame.iteration}
        onPointerMove={(e) => {
          const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
          setHover({ px: e.clientX - r.left, py: e.clientY - r.top });
        }}
        onPointerLeave={() => setHover(null)}
      />
      {readout && hover && (
        <div
          class="readout"
          style={{ left: `${Math.min(hover.px + 12, w - 280)}px`, top: `${Math.max(0, hover.py - 30)}px` }}
        >
          {readout}
        </div>
      )}
    </div>
  );
}
