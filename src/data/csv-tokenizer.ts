/**
 * CSV records from text given in pieces (RFC 4180 quoting): the text of a large file never has to be held
 * whole, only the record being read. Blank lines are skipped; a quoted field may hold delimiters and line
 * breaks; "\r\n", "\n" and a lone "\r" end a line, also when a piece ends between "\r" and "\n".
 */

/** One record: its cells (untrimmed) and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Longest cell read (characters): a longer one means the file is not CSV (or has an unclosed quote). */
export const MAX_CELL_CHARS = 1 << 20;
/** Most cells in one record: more means the file is not CSV as meant here (or the delimiter is wrong). */
export const MAX_RECORD_CELLS = 1_000_000;

enum State {
  /** Before a cell's first character (spaces and tabs are kept: an unquoted cell keeps them). */
  CellStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted cell: the cell closes unless the next character is a quote too. */
  QuoteInQuoted,
  /** After a closing quote: spaces, then a delimiter or a line break. */
  AfterQuote,
}

/** Splits text given in pieces into records; call push() for each piece, then end(). */
export class CsvTokenizer {
  private state = State.CellStart;
  private cell = "";
  private cells: string[] = [];
  private quotedAny = false;
  /** A record has begun (some character of it was read). */
  private inRecord = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The last character read was "\r" (a "\n" right after it belongs to the same line break). */
  private afterCr = false;

  constructor(
    private readonly delimiter: string,
    private readonly source: string,
    private readonly onRecord: (record: CsvRecord) => void,
  ) {}

  /** Reads the next piece of the text. */
  push(text: string): void {
    const len = text.length;
    const d = this.delimiter;
    let i = 0;
    // The "\n" of a "\r\n" that ended a record at the end of the last piece.
    if (this.afterCr && len > 0 && text[0] === "\n" && !this.inRecord) i = 1;
    while (i < len) {
      const ch = text[i];
      if (!this.inRecord) {
        this.inRecord = true;
        this.recordLine = this.line;
      }
      switch (this.state) {
        case State.CellStart:
          if (ch === " " || ch === "\t") {
            this.add(ch);
            i++;
          } else if (ch === '"') {
            this.cell = "";
            this.quotedAny = true;
            this.quoteLine = this.line;
            this.state = State.Quoted;
            i++;
          } else this.state = State.Unquoted;
          break;
        case State.Unquoted: {
          let j = i;
          while (j < len && text[j] !== d && text[j] !== "\n" && text[j] !== "\r") j++;
          this.add(text.slice(i, j));
          i = j;
          if (i < len) i = this.separator(text, i);
          break;
        }
        case State.Quoted: {
          let j = i;
          while (j < len && text[j] !== '"' && text[j] !== "\n" && text[j] !== "\r") j++;
          this.add(text.slice(i, j));
          i = j;
          if (i >= len) break;
          if (text[i] === '"') this.state = State.QuoteInQuoted;
          else {
            // A line break inside a quoted cell is part of the cell and still counts as a line.
            if (text[i] === "\n" ? !this.afterCrIn(text, i) : true) this.line++;
            this.add(text[i]);
          }
          i++;
          break;
        }
        case State.QuoteInQuoted:
          if (ch === '"') {
            this.add('"');
            this.state = State.Quoted;
            i++;
          } else this.state = State.AfterQuote;
          break;
        case State.AfterQuote:
          if (ch === " " || ch === "\t") i++;
          else if (ch === d || ch === "\n" || ch === "\r") i = this.separator(text, i);
          else
            throw new Error(
              `${this.source}, line ${this.line}: unexpected text after a closing quote; quote the whole cell`,
            );
          break;
      }
    }
    if (len > 0) this.afterCr = text[len - 1] === "\r";
  }

  /** Ends the text: the last record (without a final line break) is given, an unclosed quote refused. */
  end(): void {
    if (this.state === State.Quoted) {
      throw new Error(
        `${this.source}, line ${this.quoteLine}: a quoted field is never closed; add the closing "`,
      );
    }
    if (this.inRecord) this.finishRecord();
  }

  /** Whether text[i] (a "\n") follows a "\r" (in this piece or at the end of the last one). */
  private afterCrIn(text: string, i: number): boolean {
    return i > 0 ? text[i - 1] === "\r" : this.afterCr;
  }

  private add(s: string): void {
    this.cell += s;
    if (this.cell.length > MAX_CELL_CHARS) {
      throw new Error(
        `${this.source}, line ${this.recordLine}: a cell longer than ${MAX_CELL_CHARS.toLocaleString("en")} characters; is this a CSV file (or is a quote never closed)?`,
      );
    }
  }

  /** Handles the delimiter or line break at text[i]; returns the index after it. */
  private separator(text: string, i: number): number {
    this.cells.push(this.cell);
    this.cell = "";
    if (this.cells.length > MAX_RECORD_CELLS) {
      throw new Error(
        `${this.source}, line ${this.recordLine}: more than ${MAX_RECORD_CELLS.toLocaleString("en")} cells in one row; is the delimiter "${this.delimiter}" right?`,
      );
    }
    this.state = State.CellStart;
    if (text[i] === this.delimiter) return i + 1;
    this.line++;
    this.finishRecord(false);
    return text[i] === "\r" && text[i + 1] === "\n" ? i + 2 : i + 1;
  }

  private finishRecord(pushCell = true): void {
    if (pushCell) this.cells.push(this.cell);
    const cells = this.cells;
    const blank = !this.quotedAny && cells.length === 1 && cells[0].trim() === "";
    const record = { line: this.recordLine, cells };
    this.cells = [];
    this.cell = "";
    this.quotedAny = false;
    this.inRecord = false;
    this.state = State.CellStart;
    if (!blank) this.onRecord(record);
  }
}
