import type { Deck } from '../deck/types.js';
import type { MarkdownRenderer } from './markdown.js';
import { buildReadingDocument, findLines, type ReadingDocument } from './reading.js';
import { renderNotesLines, renderSlideLines } from './slide.js';
import type { Theme } from './theme.js';

interface WidthBucket {
  slides: Map<string, string[]>;
  notes: Map<number, string[]>;
  doc: ReadingDocument | null;
  /** The rows the document keeps for each picture. */
  docRows: number;
  found: Map<string, number[]>;
}

/** How many widths stay cached (the presenter view uses two or three at once). */
const WIDTHS_KEPT = 4;

/**
 * Rendered slides, notes and the reading document, made on demand and kept
 * per width (the few most recent widths): a keypress renders at most the
 * slides it shows, never the whole deck.
 */
export class RenderCache {
  private buckets = new Map<number, WidthBucket>();

  constructor(
    private readonly deck: Deck,
    private readonly md: MarkdownRenderer,
    private readonly theme: Theme,
    /** Whether pictures are drawn: the reading document keeps room for them. */
    private readonly pictures = false,
  ) {}

  private at(width: number): WidthBucket {
    let b = this.buckets.get(width);
    if (b) {
      // Most recently used last.
      this.buckets.delete(width);
      this.buckets.set(width, b);
      return b;
    }
    b = { slides: new Map(), notes: new Map(), doc: null, docRows: 0, found: new Map() };
    this.buckets.set(width, b);
    if (this.buckets.size > WIDTHS_KEPT) this.buckets.delete(this.buckets.keys().next().value!);
    return b;
  }

  /** The slide at a reveal step (the last step when absent). */
  slide(index: number, width: number, step?: number, tableWidth: number = width): string[] {
    const b = this.at(width);
    const slide = this.deck.slides[index];
    const s = Math.min(step ?? slide.steps.length - 1, slide.steps.length - 1);
    const key = `${index}:${s}:${tableWidth}`;
    let lines = b.slides.get(key);
    if (!lines) {
      lines = renderSlideLines(slide, width, this.md, s, tableWidth);
      b.slides.set(key, lines);
    }
    return lines;
  }

  notesOf(index: number, width: number): string[] {
    const b = this.at(width);
    let lines = b.notes.get(index);
    if (!lines) {
      lines = renderNotesLines(this.deck.slides[index].notes, width, this.md, this.theme);
      b.notes.set(index, lines);
    }
    return lines;
  }

  /**
   * The reading document at a width: made on first use (it renders every
   * slide). When pictures are drawn, each keeps `pictureRows` rows.
   */
  reading(width: number, pictureRows = 0): ReadingDocument {
    const b = this.at(width);
    const rows = this.pictures ? pictureRows : 0;
    if (b.doc && b.docRows !== rows) {
      b.doc = null;
      b.found.clear();
    }
    b.doc ??= buildReadingDocument(this.deck, width, this.md, this.theme, rows);
    b.docRows = rows;
    return b.doc;
  }

  /** Reading-document lines matching a query, at a width. */
  findInReading(width: number, query: string, pictureRows = 0): number[] {
    const b = this.at(width);
    const doc = this.reading(width, pictureRows);
    let lines = b.found.get(query);
    if (!lines) {
      lines = findLines(doc, query);
      b.found.set(query, lines);
    }
    return lines;
  }
}
