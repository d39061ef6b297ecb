/**
 * Write a figure to a folder: `<name>.svg`, `<name>.png`, `<name>.json` (the data rows) and `<name>.csv`,
 * plus `<name>.vl.json` (the Vega-Lite spec, to open it again in the lab or an editor).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { toCsv } from "../../figures/csv.js";
import type { Figure } from "../../figures/figure.js";
import { type PngOptions, renderSvg, svgToPng } from "./render.js";

/** Options of {@link writeFigure}. */
export interface WriteFigureOptions extends PngOptions {
  /** Also write the PNG (default true). */
  png?: boolean;
  /** Also write the Vega-Lite spec as `<name>.vl.json` (default true). */
  spec?: boolean;
}

/** What {@link writeFigure} wrote. */
export interface WrittenFigure {
  /** The SVG text (to inline in the HTML report). */
  svg: string;
  /** Paths of the files written (png and spec are absent when not written). */
  files: { svg: string; json: string; csv: string; png?: string; spec?: string };
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Render a figure and write its files into `dir` (created if needed). */
export async function writeFigure(
  dir: string,
  name: string,
  figure: Figure,
  options: WriteFigureOptions = {},
): Promise<WrittenFigure> {
  if (!NAME.test(name)) {
    throw new Error(
      `writeFigure: name "${name}" must be letters, digits, '.', '_' or '-' (it becomes file names)`,
    );
  }
  await mkdir(dir, { recursive: true });
  const svg = await renderSvg(figure.spec);
  const files: WrittenFigure["files"] = {
    svg: join(dir, `${name}.svg`),
    json: join(dir, `${name}.json`),
    csv: join(dir, `${name}.csv`),
  };
  await writeFile(files.svg, svg);
  await writeFile(files.json, `${JSON.stringify(figure.data)}\n`);
  await writeFile(files.csv, toCsv(figure.data));
  if (options.png ?? true) {
    files.png = join(dir, `${name}.png`);
    await writeFile(files.png, svgToPng(svg, options));
  }
  if (options.spec ?? true) {
    files.spec = join(dir, `${name}.vl.json`);
    await writeFile(files.spec, `${JSON.stringify(figure.spec)}\n`);
  }
  return { svg, files };
}
