import { type CsvRecord, CsvTokenizer } from "./csv-tokenizer.js";
import { assertValidDataset, type Dataset } from "./dataset.js";
import { normalizeLabels } from "./validate.js";

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Name of the file (or other source) the text came from; every error message starts with it. Default "CSV". */
  source?: string;
  /**
   * Name of the label column. Default: the column named `y` or `label` (case-insensitive); exactly one of
   * the two must exist.
   */
  label?: string;
  /** Feature columns to read, in this order. Default: every column except the label column. */
  columns?: string[];
  /** Field delimiter: one character, not `"`, `\r` or `\n`. Default ",". */
  delimiter?: string;
  /** Name of the resulting data set. Default: `source`. */
  name?: string;
  /**
   * Most numbers read (rows × (inputs + 1)): a larger file is refused at the first row past it, saying so,
   * instead of filling the memory. Default: no limit.
   */
  maxValues?: number;
}

/** Options of {@link toCsv}. */
export interface ToCsvOptions {
  /** Name of the label column. Default "y". */
  label?: string;
  /** Label coding in the file: `"pm1"` (−1/+1, default) or `"01"` (0/1). */
  labels?: "pm1" | "01";
  /** Field delimiter: one character, not `"`, `\r` or `\n`. Default ",". */
  delimiter?: string;
}

/** A decimal number as written by people and by `String(number)`; no hex, no "Infinity", no empty string. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses CSV text into a Dataset. The first non-blank line is the header; blank lines are skipped; fields
 * may be quoted (`"…"`, with `""` for a quote, and may then hold delimiters and line breaks); spaces around
 * cells (quoted or not) are ignored. Labels must be all −1/+1 or all 0/1 (0 becomes −1). Errors name the source,
 * the 1-based line number in the text and the column.
 */
export function parseCsv(text: string, options: CsvOptions = {}): Dataset {
  const reader = csvReader(options);
  reader.push(text);
  return reader.end();
}

/** A CSV parser fed in pieces (see {@link csvReader}). */
export interface CsvReader {
  /** Reads the next piece of the text (a piece may end anywhere, even inside a cell or a "\r\n"). */
  push(text: string): void;
  /** Ends the text and returns the data set (the errors of {@link parseCsv}). */
  end(): Dataset;
}

/**
 * A CSV parser for text in pieces, as {@link parseCsv} reads it whole: the rows' numbers go straight into
 * the data set's arrays, so a large file is read holding only its numbers and the row being read, never
 * its whole text.
 */
export function csvReader(options: CsvOptions = {}): CsvReader {
  const source = options.source ?? "CSV";
  const delimiter = checkDelimiter(source, options.delimiter ?? ",");
  let table: CsvTable | null = null;
  let first = true;
  const tokenizer = new CsvTokenizer(delimiter, source, (record) => {
    if (table) table.add(record);
    else table = new CsvTable(record, source, delimiter, options);
  });
  return {
    push(text) {
      if (first && text.length > 0) {
        first = false;
        checkTextEncoding(text, source);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      tokenizer.push(text);
    },
    end() {
      tokenizer.end();
      if (!table) {
        throw new Error(
          `${source}: the file is empty; expected a header row such as "x1,x2,y" and one row per point`,
        );
      }
      return (table as CsvTable).finish(options.name ?? source);
    },
  };
}

/** A Float64Array that grows by doubling. */
class Growing {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  trimmed(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** The header's columns and the rows read so far, as numbers. */
class CsvTable {
  private readonly names: string[];
  private readonly headerLine: number;
  private readonly labelCol: number;
  private readonly featureCols: number[];
  private readonly x = new Growing();
  private readonly labels = new Growing();
  private readonly lines = new Growing();

  constructor(
    header: CsvRecord,
    private readonly source: string,
    private readonly delimiter: string,
    private readonly options: CsvOptions,
  ) {
    this.headerLine = header.line;
    this.names = header.cells.map((c) => c.trim());
    // One pass with a map (not indexOf per cell: 100,000 columns took 11 s).
    const columnOf = new Map<string, number>();
    this.names.forEach((name, c) => {
      if (name === "")
        throw new Error(`${source}, line ${header.line}: header cell ${c + 1} is empty; name every column`);
      const first = columnOf.get(name);
      if (first !== undefined) {
        throw new Error(
          `${source}, line ${header.line}: column "${name}" appears twice (cells ${first + 1} and ${c + 1}); rename one of them`,
        );
      }
      columnOf.set(name, c);
    });
    this.labelCol = findLabel(source, header.line, this.names, options.label);
    this.featureCols = findFeatures(
      source,
      header.line,
      this.names,
      columnOf,
      this.labelCol,
      options.columns,
    );
  }

  add(rec: CsvRecord): void {
    const { names, source } = this;
    if (rec.cells.length !== names.length) {
      throw new Error(
        `${source}, line ${rec.line}: row has ${rec.cells.length} cells but the header has ${names.length} ` +
          `(${listed(names)}); check for a missing or extra "${this.delimiter}"`,
      );
    }
    const max = this.options.maxValues ?? Number.POSITIVE_INFINITY;
    if (this.x.length + this.labels.length + this.featureCols.length + 1 > max) {
      throw new Error(
        `${source}, line ${rec.line}: more than ${max.toLocaleString("en")} numbers (${this.labels.length.toLocaleString("en")} rows of ${this.featureCols.length} inputs and a label) is more than is read; use fewer rows or columns`,
      );
    }
    for (const c of this.featureCols)
      this.x.push(parseCell(rec.cells[c], `${source}, line ${rec.line}, column "${names[c]}"`));
    const label = this.labelCol;
    this.labels.push(parseCell(rec.cells[label], `${source}, line ${rec.line}, column "${names[label]}"`));
    this.lines.push(rec.line);
  }

  finish(name: string): Dataset {
    const { source, names, labelCol } = this;
    const n = this.labels.length;
    if (n === 0)
      throw new Error(
        `${source}: no data rows after the header (line ${this.headerLine}); add one row of numbers per point`,
      );
    const lines = this.lines.data;
    const { y } = normalizeLabels(
      this.labels.data.subarray(0, n),
      (i) => `${source}, line ${lines[i]}, column "${names[labelCol]}"`,
    );
    const data: Dataset = {
      name,
      n,
      d: this.featureCols.length,
      x: this.x.trimmed(),
      y,
      columns: this.featureCols.map((c) => names[c]),
    };
    assertValidDataset(data);
    return data;
  }
}

/** Writes a Dataset as CSV: a header (column names, then the label) and one line per point, "\n" line ends. */
export function toCsv(data: Dataset, options: ToCsvOptions = {}): string {
  assertValidDataset(data);
  const label = options.label ?? "y";
  const delimiter = checkDelimiter("toCsv", options.delimiter ?? ",");
  const coding = options.labels ?? "pm1";
  if (coding !== "pm1" && coding !== "01")
    throw new Error(`toCsv: labels must be "pm1" or "01", got "${coding}"`);
  const columns = data.columns ?? Array.from({ length: data.d }, (_, j) => `x${j + 1}`);
  if (columns.length !== data.d) {
    throw new Error(
      `toCsv: data set "${data.name}" has ${columns.length} column names for d = ${data.d} inputs`,
    );
  }
  if (columns.includes(label)) {
    throw new Error(`toCsv: an input column is already named "${label}"; choose another label column name`);
  }
  const lines = [[...columns, label].map((c) => quote(c, delimiter)).join(delimiter)];
  for (let i = 0; i < data.n; i++) {
    const cells: string[] = [];
    for (let j = 0; j < data.d; j++) cells.push(formatNumber(data.x[i * data.d + j]));
    cells.push(data.y[i] === 1 ? "1" : coding === "01" ? "0" : "-1");
    lines.push(cells.join(delimiter));
  }
  return `${lines.join("\n")}\n`;
}

/** Shortest text that reads back to the same float64, keeping the sign of −0. */
export function formatNumber(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

function checkDelimiter(source: string, delimiter: string): string {
  if (typeof delimiter !== "string" || delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new Error(
      `${source}: delimiter must be a single character other than a quote or line break, got "${delimiter}"`,
    );
  }
  return delimiter;
}

function quote(cell: string, delimiter: string): string {
  if (!cell.includes(delimiter) && !/["\r\n]/.test(cell) && cell.trim() === cell) return cell;
  return `"${cell.replaceAll('"', '""')}"`;
}

function parseCell(raw: string, where: string): number {
  const cell = raw.trim();
  if (cell === "") throw new Error(`${where}: empty cell; every cell must hold a number`);
  if (!NUMBER.test(cell)) {
    if (/^[+-]?(nan|inf|infinity)$/i.test(cell)) {
      throw new Error(`${where}: "${cell}" is not a finite number; remove the row or fill in a value`);
    }
    throw new Error(`${where}: "${cell.length > 40 ? `${cell.slice(0, 37)}...` : cell}" is not a number`);
  }
  const v = Number(cell);
  if (!Number.isFinite(v))
    throw new Error(`${where}: "${cell}" overflows float64; it is not a finite number`);
  return v;
}

/** Column names for a message: all of them when few, else the first ten and how many more. */
function listed(names: readonly string[]): string {
  return names.length <= 12
    ? names.join(", ")
    : `${names.slice(0, 10).join(", ")}, … (${names.length} columns)`;
}

/**
 * Refuses text that is UTF-16 read as UTF-8 (its zero bytes become NUL characters between the letters,
 * its byte-order mark two replacement characters): without this, the header becomes garbage column names.
 */
export function checkTextEncoding(text: string, source: string): void {
  const head = text.slice(0, 512);
  const nul = head.indexOf("\0");
  if (nul < 0 && !head.startsWith("\ufffd\ufffd") && !head.startsWith("\ufffe")) return;
  const nuls = head.split("\0").length - 1;
  // UTF-16 ASCII has a NUL in every other unit; a text of NULs only (a file of zero bytes) is not UTF-16.
  const utf16 = nuls > head.length / 4 && nuls < (head.length * 3) / 4;
  if (utf16 || head.startsWith("\ufffd\ufffd") || head.startsWith("\ufffe")) {
    throw new Error(
      `${source}: the text is UTF-16 encoded; save it as UTF-8 (most editors: "Save with encoding")`,
    );
  }
  throw new Error(
    `${source}: the text holds a NUL character (position ${nul + 1}); is it a binary file? save it as UTF-8 text`,
  );
}

function findLabel(source: string, line: number, names: string[], label: string | undefined): number {
  if (label !== undefined) {
    const c = names.indexOf(label);
    if (c < 0) {
      throw new Error(`${source}, line ${line}: no label column "${label}"; columns are ${listed(names)}`);
    }
    return c;
  }
  const found = names
    .map((nm, c) => [nm.toLowerCase(), c] as const)
    .filter(([nm]) => nm === "y" || nm === "label");
  if (found.length === 0) {
    throw new Error(
      `${source}, line ${line}: no label column; name it "y" or "label", or set the label option ` +
        `(columns are ${listed(names)})`,
    );
  }
  if (found.length > 1) {
    throw new Error(
      `${source}, line ${line}: both ${found.map(([, c]) => `"${names[c]}"`).join(" and ")} could be the label ` +
        `column; set the label option to choose one`,
    );
  }
  return found[0][1];
}

function findFeatures(
  source: string,
  line: number,
  names: string[],
  columnOf: ReadonlyMap<string, number>,
  labelCol: number,
  columns: string[] | undefined,
): number[] {
  if (columns === undefined) {
    const all = names.map((_, c) => c).filter((c) => c !== labelCol);
    if (all.length === 0) {
      throw new Error(
        `${source}, line ${line}: no input columns besides the label "${names[labelCol]}"; add at least one column of inputs`,
      );
    }
    return all;
  }
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new Error(`${source}: the columns option must list at least one input column`);
  }
  return columns.map((name) => {
    const c = columnOf.get(name) ?? -1;
    if (c < 0) throw new Error(`${source}, line ${line}: no column "${name}"; columns are ${listed(names)}`);
    if (c === labelCol)
      throw new Error(`${source}: column "${name}" is the label column; it cannot also be an input`);
    return c;
  });
}
