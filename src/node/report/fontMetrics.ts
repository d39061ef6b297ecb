/**
 * Text widths from a TrueType font's own advance widths (tables cmap, hmtx, hhea, head), so that the
 * layout Vega computes in Node (where it has no canvas to measure text, and by default guesses
 * 0.8 em per character) matches the glyphs that resvg then draws. Kerning is ignored.
 */

/** Advance widths of one font. */
export interface FontMetrics {
  /** Advance width of a code point, in em (a missing glyph takes the width of glyph 0). */
  advance(codePoint: number): number;
  /** Width of a string in pixels at the given font size. */
  width(text: string, fontSize: number): number;
}

interface Table {
  offset: number;
  length: number;
}

function tables(view: DataView): Map<string, Table> {
  const n = view.getUint16(4);
  const out = new Map<string, Table>();
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(
      view.getUint8(rec),
      view.getUint8(rec + 1),
      view.getUint8(rec + 2),
      view.getUint8(rec + 3),
    );
    out.set(tag, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return out;
}

type GlyphLookup = (cp: number) => number;

function cmapFormat4(view: DataView, at: number): GlyphLookup {
  const segCount = view.getUint16(at + 6) / 2;
  const endAt = at + 14;
  const startAt = endAt + 2 * segCount + 2;
  const deltaAt = startAt + 2 * segCount;
  const rangeAt = deltaAt + 2 * segCount;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segCount; i++) {
      if (cp > view.getUint16(endAt + 2 * i)) continue;
      const start = view.getUint16(startAt + 2 * i);
      if (cp < start) return 0;
      const delta = view.getUint16(deltaAt + 2 * i);
      const range = view.getUint16(rangeAt + 2 * i);
      if (range === 0) return (cp + delta) & 0xffff;
      const g = view.getUint16(rangeAt + 2 * i + range + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

function cmapFormat12(view: DataView, at: number): GlyphLookup {
  const groups = view.getUint32(at + 12);
  return (cp) => {
    for (let i = 0; i < groups; i++) {
      const g = at + 16 + 12 * i;
      const start = view.getUint32(g);
      if (cp < start) return 0;
      if (cp <= view.getUint32(g + 4)) return view.getUint32(g + 8) + (cp - start);
    }
    return 0;
  };
}

function glyphLookup(view: DataView, cmap: Table): GlyphLookup {
  const n = view.getUint16(cmap.offset + 2);
  let best: GlyphLookup | undefined;
  let bestRank = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap.offset + 4 + 8 * i;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const rank = format === 12 ? 2 : format === 4 ? 1 : -1;
    if (rank > bestRank) {
      bestRank = rank;
      best = format === 12 ? cmapFormat12(view, sub) : cmapFormat4(view, sub);
    }
  }
  if (!best) throw new Error("fontMetrics: the font has no Unicode cmap subtable of format 4 or 12");
  return best;
}

/** Read the advance widths of a TrueType/OpenType font file. */
export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = tables(view);
  const head = t.get("head");
  const hhea = t.get("hhea");
  const hmtx = t.get("hmtx");
  const cmap = t.get("cmap");
  if (!head || !hhea || !hmtx || !cmap) {
    throw new Error("fontMetrics: not a TrueType/OpenType font (missing head, hhea, hmtx or cmap table)");
  }
  const unitsPerEm = view.getUint16(head.offset + 18);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const glyph = glyphLookup(view, cmap);
  const cache = new Map<number, number>();
  const advance = (cp: number): number => {
    let w = cache.get(cp);
    if (w === undefined) {
      const g = Math.min(glyph(cp), numberOfHMetrics - 1);
      w = view.getUint16(hmtx.offset + 4 * g) / unitsPerEm;
      cache.set(cp, w);
    }
    return w;
  };
  return {
    advance,
    width(text, fontSize) {
      let em = 0;
      for (const ch of text) em += advance(ch.codePointAt(0)!);
      return em * fontSize;
    },
  };
}
