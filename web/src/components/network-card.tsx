/**
 * The network as Playground draws it: a column per layer, each weight an edge whose width is its size
 * and whose colour its sign (blue positive, orange negative), live as the run trains. For 2-D data every
 * node shows its output over the input plane: the input features, each hidden unit, and the output.
 */
import { useState } from "preact/hooks";
import { planeFeatures } from "../../../src/index.js";
import { useWidth } from "../plot/plane-frame.js";
import { formatValue } from "../plot/scale.js";
import { Thumbnail } from "../plot/thumbnail.js";
import { gridFor, netFor } from "../run/net-cache.js";
import type { WeightSnapshot } from "../worker/run-types.js";
import { Card, type ViewOptions } from "./card.js";
import type { RunView } from "./run-view.js";

/** Most nodes drawn per column unless "show all" is on (the rest are counted in the column's label). */
export const MAX_NODES = 10;
/** Height of the diagram's box with every node shown; a taller diagram scrolls inside it. */
const MAX_SHOWN_HEIGHT = 640;
/** Cells per side of a node's thumbnail grid, and its size on screen (CSS pixels). */
const THUMB_CELLS = 24;
const THUMB = 36;
const DOT = 14;

/** One column of the diagram: its label, node names and (2-D data) each node's values over the plane. */
interface Column {
  label: string;
  names: string[];
  total: number;
  thumbs: ArrayLike<number>[] | null;
}

/** Every column's nodes (the first `max` of each) and, for 2-D data with parameters, their outputs. */
function columns(
  run: RunView,
  layers: WeightSnapshot["layers"],
  params: ArrayLike<number> | null,
  max: number,
): Column[] {
  const grid = gridFor(run.info, THUMB_CELLS);
  const n = THUMB_CELLS * THUMB_CELLS;
  const out = grid && params ? netFor(run).plane(params, grid) : null;
  const slice = (v: ArrayLike<number>, width: number, u: number) =>
    Array.from({ length: n }, (_, i) => v[i * width + u]);
  const inputs = run.info.inputNames;
  const inputValues =
    grid && out
      ? (() => {
          const names = (run.info.inputs ?? ["x1", "x2"]) as Parameters<typeof planeFeatures>[2];
          const X = planeFeatures(grid.xy, n, names);
          return inputs.slice(0, max).map((_, j) => slice(X, names.length, j));
        })()
      : null;
  const cols: Column[] = [
    { label: "inputs", names: inputs.slice(0, max), total: inputs.length, thumbs: inputValues },
  ];
  layers.forEach((L, l) => {
    const last = l === layers.length - 1;
    const shown = Math.min(L.outputs, max);
    const names = Array.from({ length: shown }, (_, u) =>
      last ? "output" : `unit ${u + 1} of layer ${l + 1}`,
    );
    let thumbs: ArrayLike<number>[] | null = null;
    if (out) {
      thumbs = last
        ? [out.logit]
        : Array.from({ length: shown }, (_, u) => slice(out.hidden[l], L.outputs, u));
    }
    cols.push({ label: last ? "output" : `layer ${l + 1}`, names, total: L.outputs, thumbs });
  });
  return cols;
}

/** The diagram for weights `layers` (and `params`, for the thumbnails) at `step`. */
export function NetworkDiagram(props: {
  run: RunView;
  layers: WeightSnapshot["layers"];
  params: ArrayLike<number> | null;
  step: number;
  /** Draw every node, however many (the diagram then scrolls); else the first MAX_NODES per column. */
  all?: boolean;
}) {
  const [wrapRef, width] = useWidth(640);
  const cols = columns(
    props.run,
    props.layers,
    props.params,
    props.all ? Number.POSITIVE_INFINITY : MAX_NODES,
  );
  const thumbs = cols[0].thumbs !== null;
  const node = thumbs ? THUMB : DOT;
  const gapY = thumbs ? 10 : 12;
  const rows = Math.max(...cols.map((c) => c.names.length));
  const top = 22;
  const height = top + rows * (node + gapY) + 20;
  const colX = (c: number) => 50 + (c * (width - 66 - node)) / Math.max(1, cols.length - 1);
  const nodeY = (c: number, i: number) => {
    const k = cols[c].names.length;
    return top + ((rows - k) * (node + gapY)) / 2 + i * (node + gapY);
  };
  let maxW = 0;
  for (const L of props.layers) for (const w of L.W) maxW = Math.max(maxW, Math.abs(w));
  const edges: { x1: number; y1: number; x2: number; y2: number; w: number }[] = [];
  props.layers.forEach((L, l) => {
    for (let j = 0; j < cols[l + 1].names.length; j++) {
      for (let i = 0; i < cols[l].names.length; i++) {
        edges.push({
          x1: colX(l) + node,
          y1: nodeY(l, i) + node / 2,
          x2: colX(l + 1),
          y2: nodeY(l + 1, j) + node / 2,
          w: L.W[j * L.inputs + i],
        });
      }
    }
  });
  const nThumbs = thumbs ? cols.reduce((s, c) => s + (c.thumbs?.length ?? 0), 0) : 0;
  return (
    <div
      ref={wrapRef}
      class="net-wrap"
      style={props.all ? { maxHeight: `${MAX_SHOWN_HEIGHT}px`, overflowY: "auto" } : undefined}
      data-testid="network-scroll"
    >
      <div
        class="net"
        style={{ width: `${width}px`, height: `${height}px` }}
        data-testid="network-diagram"
        data-edges={edges.length}
        data-nodes={cols.reduce((s, c) => s + c.names.length, 0)}
        data-thumbs={nThumbs}
        data-step={props.step}
        data-max-weight={maxW}
      >
        <svg width={width} height={height} role="img" aria-label="the network's weights as edges">
          {edges.map((e, k) => {
            const r = maxW > 0 ? Math.abs(e.w) / maxW : 0;
            return (
              <line
                key={k}
                x1={e.x1}
                y1={e.y1}
                x2={e.x2}
                y2={e.y2}
                stroke={e.w >= 0 ? "#0072B2" : "#E67A00"}
                stroke-width={0.3 + 5 * r}
                stroke-opacity={0.25 + 0.75 * r}
                data-w={e.w}
              >
                <title>weight {formatValue(e.w, 3)}</title>
              </line>
            );
          })}
          {cols.map((c, ci) => (
            <text key={c.label} x={colX(ci) + node / 2} y={12} text-anchor="middle" class="net-label">
              {c.total > c.names.length ? `${c.label} (${c.names.length} of ${c.total})` : c.label}
            </text>
          ))}
        </svg>
        {cols.map((c, ci) =>
          c.names.map((name, i) => (
            <div
              key={`${ci}-${i}`}
              class={thumbs ? "net-node" : "net-node dot"}
              style={{
                left: `${colX(ci)}px`,
                top: `${nodeY(ci, i)}px`,
                width: `${node}px`,
                height: `${node}px`,
              }}
              title={name}
            >
              {c.thumbs?.[i] && (
                <Thumbnail values={c.thumbs[i]} nx={THUMB_CELLS} ny={THUMB_CELLS} size={node} title={name} />
              )}
              {ci === 0 && <span class="net-input">{name}</span>}
            </div>
          )),
        )}
      </div>
    </div>
  );
}

/** The card: the diagram at the run's latest record (or the scrubbed step), when its weights are known. */
export function NetworkCard(props: { run: RunView; o: ViewOptions }) {
  const { run } = props;
  const [all, setAll] = useState(false);
  const last = run.extras[run.extras.length - 1];
  const params = last?.params ?? null;
  const layers = params ? netFor(run).layers(params) : run.weights?.layers;
  if (!layers) return null;
  const step = params ? last.step : (run.weights?.step ?? 0);
  const widest = Math.max(run.info.inputNames.length, ...layers.map((L) => L.outputs));
  return (
    <Card
      id="network"
      title="Network"
      subtitle={`weights at step ${step}: edge width |w|, blue w > 0, orange w < 0${run.info.points2d ? "; each node's output over the input plane" : ""}`}
      o={props.o}
    >
      {widest > MAX_NODES && (
        <label class="toggle" data-testid="network-all-label">
          <input
            type="checkbox"
            checked={all}
            onChange={(e) => setAll((e.target as HTMLInputElement).checked)}
            data-testid="network-all"
          />{" "}
          show all {widest} units, not the first {MAX_NODES} (the diagram scrolls)
        </label>
      )}
      <NetworkDiagram run={run} layers={layers} params={params} step={step} all={all} />
    </Card>
  );
}
