/**
 * Node-side report: render figure specs to SVG/PNG, write figure files, build the HTML report.
 */
export { FONT_FAMILY, fontDirectory, fontFiles } from "./fonts.js";
export {
  buildHtml,
  type Citation,
  escapeHtml,
  inlineSvg,
  type ReportFigure,
  type ReportInput,
  type ReportNote,
  type ReportSection,
  type ReportTable,
  type TableCell,
  type TableRow,
  type Verdict,
} from "./html.js";
export {
  type CompiledSpec,
  compileSpec,
  installTextMetrics,
  type PngOptions,
  type RenderSvgOptions,
  renderPng,
  renderSvg,
  svgToPng,
} from "./render.js";
export { renderTheoryHtml, theoryMarkdown, theoryTable } from "./theory.js";
export { type WriteFigureOptions, type WrittenFigure, writeFigure } from "./writeFigure.js";
