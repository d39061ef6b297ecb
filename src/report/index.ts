/**
 * Node-side report: render figure specs to SVG/PNG, write figure files, build the HTML report.
 */
export { FONT_FAMILY, fontDirectory, fontFiles } from "./fonts.js";
export {
  buildHtml,
  escapeHtml,
  inlineSvg,
  type ReportFigure,
  type ReportInput,
  type ReportSection,
  type SummaryRow,
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
export { type WriteFigureOptions, type WrittenFigure, writeFigure } from "./writeFigure.js";
