/**
 * The network diagram as a figure file. The diagram on the page is an SVG of edges under absolutely placed
 * node boxes (each a canvas thumbnail for 2-D data), which no SVG or PNG export of the page captures; this
 * reads that layout back from the page once and draws it into one standalone SVG (thumbnails embedded as
 * PNG data) or straight onto a 2× canvas for a PNG.
 */

/** One weight: a line from a node of one column to a node of the next. */
export interface DiagramEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  opacity: number;
}

/** One node: its box (CSS pixels), whether it is a dot, its thumbnail (a data URL) and its input name. */
export interface DiagramNode {
  x: number;
  y: number;
  size: number;
  dot: boolean;
  image: string | null;
  inputName: string | null;
}

/** The diagram's layout as drawn: size, edges, column labels, nodes and a caption line over it. */
export interface DiagramLayout {
  width: number;
  height: number;
  caption: string;
  edges: DiagramEdge[];
  labels: { x: number; y: number; text: string }[];
  nodes: DiagramNode[];
}

/** Height of the caption band above the diagram in an exported figure (CSS pixels). */
const CAPTION = 24;

const num = (el: Element, a: string) => Number(el.getAttribute(a) ?? 0);
const px = (v: string) => Number.parseFloat(v) || 0;

/** Reads the layout of a NetworkDiagram element (data-testid="network-diagram") from the page. */
export function readDiagram(el: HTMLElement, caption: string): DiagramLayout {
  const svg = el.querySelector("svg");
  const edges: DiagramEdge[] = Array.from(svg?.querySelectorAll("line") ?? [], (l) => ({
    x1: num(l, "x1"),
    y1: num(l, "y1"),
    x2: num(l, "x2"),
    y2: num(l, "y2"),
    color: l.getAttribute("stroke") ?? "#000",
    width: num(l, "stroke-width"),
    opacity: num(l, "stroke-opacity"),
  }));
  const labels = Array.from(svg?.querySelectorAll("text") ?? [], (t) => ({
    x: num(t, "x"),
    y: num(t, "y"),
    text: t.textContent ?? "",
  }));
  const nodes: DiagramNode[] = Array.from(el.querySelectorAll<HTMLElement>(".net-node"), (n) => {
    const canvas = n.querySelector("canvas");
    return {
      x: px(n.style.left),
      y: px(n.style.top),
      size: px(n.style.width),
      dot: n.classList.contains("dot"),
      image: canvas ? canvas.toDataURL("image/png") : null,
      inputName: n.querySelector(".net-input")?.textContent ?? null,
    };
  });
  return { width: px(el.style.width), height: px(el.style.height), caption, edges, labels, nodes };
}

const esc = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
const f = (v: number) => String(Math.round(v * 100) / 100);

/** The layout as a standalone SVG document. */
export function diagramSvg(d: DiagramLayout): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(d.width)}" height="${f(d.height + CAPTION)}" ` +
      `viewBox="0 0 ${f(d.width)} ${f(d.height + CAPTION)}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="4" y="16" font-size="12" fill="#1d2330">${esc(d.caption)}</text>`,
    `<g transform="translate(0,${CAPTION})">`,
  ];
  for (const e of d.edges)
    out.push(
      `<line x1="${f(e.x1)}" y1="${f(e.y1)}" x2="${f(e.x2)}" y2="${f(e.y2)}" stroke="${esc(e.color)}" ` +
        `stroke-width="${f(e.width)}" stroke-opacity="${f(e.opacity)}"/>`,
    );
  for (const l of d.labels)
    out.push(
      `<text x="${f(l.x)}" y="${f(l.y)}" text-anchor="middle" font-size="11" fill="#4a5160">${esc(l.text)}</text>`,
    );
  for (const n of d.nodes) {
    const r = n.size / 2;
    out.push(
      n.dot
        ? `<circle cx="${f(n.x + r)}" cy="${f(n.y + r)}" r="${f(r)}" fill="#dfe3ea" stroke="#9aa3b0"/>`
        : `<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.size)}" height="${f(n.size)}" rx="3" fill="#ffffff" stroke="#9aa3b0"/>`,
    );
    if (n.image)
      out.push(
        `<image x="${f(n.x)}" y="${f(n.y)}" width="${f(n.size)}" height="${f(n.size)}" href="${n.image}"/>`,
      );
    if (n.inputName)
      out.push(
        `<text x="${f(n.x - 3)}" y="${f(n.y + r + 3)}" text-anchor="end" font-size="10" fill="#4a5160">${esc(n.inputName)}</text>`,
      );
  }
  out.push("</g>", "</svg>");
  return out.join("\n");
}

/** Loads a data URL as an image (the thumbnails, for drawing onto the PNG's canvas). */
function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("a node's thumbnail could not be read back"));
    img.src = src;
  });
}

/** The layout drawn on a canvas at `scale`× resolution, as a PNG data URL. */
export async function diagramPng(d: DiagramLayout, scale = 2): Promise<string> {
  const c = document.createElement("canvas");
  c.width = Math.ceil(d.width * scale);
  c.height = Math.ceil((d.height + CAPTION) * scale);
  const ctx = c.getContext("2d");
  if (!ctx) throw new Error("this browser gives no 2-D canvas to draw the PNG on");
  ctx.scale(scale, scale);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, d.width, d.height + CAPTION);
  ctx.fillStyle = "#1d2330";
  ctx.font = "12px sans-serif";
  ctx.fillText(d.caption, 4, 16);
  ctx.translate(0, CAPTION);
  for (const e of d.edges) {
    ctx.globalAlpha = e.opacity;
    ctx.strokeStyle = e.color;
    ctx.lineWidth = e.width;
    ctx.beginPath();
    ctx.moveTo(e.x1, e.y1);
    ctx.lineTo(e.x2, e.y2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  ctx.fillStyle = "#4a5160";
  ctx.font = "11px sans-serif";
  ctx.textAlign = "center";
  for (const l of d.labels) ctx.fillText(l.text, l.x, l.y);
  const images = await Promise.all(d.nodes.map((n) => (n.image ? loadImage(n.image) : null)));
  ctx.strokeStyle = "#9aa3b0";
  ctx.lineWidth = 1;
  ctx.font = "10px sans-serif";
  ctx.textAlign = "right";
  d.nodes.forEach((n, i) => {
    const r = n.size / 2;
    ctx.beginPath();
    if (n.dot) ctx.arc(n.x + r, n.y + r, r, 0, 2 * Math.PI);
    else ctx.rect(n.x, n.y, n.size, n.size);
    ctx.fillStyle = n.dot ? "#dfe3ea" : "#ffffff";
    ctx.fill();
    const img = images[i];
    if (img) ctx.drawImage(img, n.x, n.y, n.size, n.size);
    ctx.stroke();
    if (n.inputName) {
      ctx.fillStyle = "#4a5160";
      ctx.fillText(n.inputName, n.x - 3, n.y + r + 3);
    }
  });
  return c.toDataURL("image/png");
}

/** The caption of an exported diagram of run `name` at `step`. */
export const diagramCaption = (name: string, step: number) =>
  `${name}: network at step ${step}; edge width |w|, blue w > 0, orange w < 0`;

/** The diagram on the page as a figure: SVG text or a PNG data URL; an error when none is drawn. */
export async function networkFigure(format: "svg" | "png", name: string): Promise<string> {
  const el = document.querySelector<HTMLElement>("[data-testid=network-diagram]");
  if (!el) throw new Error("no network diagram on the page yet; load a run first");
  const layout = readDiagram(el, diagramCaption(name, Number(el.dataset.step ?? 0)));
  return format === "svg" ? diagramSvg(layout) : diagramPng(layout);
}
