/**
 * Pictures drawn by a graphics protocol on the direct painter's screen: where
 * the screen's lines mark them (render/images/place.ts), what to write so they
 * appear there, and what to do so none is left over text when the screen
 * changes: kitty's pictures are deleted by a command; sixel and iTerm2
 * pictures are cells of the screen, so the screen is drawn again whole, as
 * it is for kitty's placeholders (text), whose images are deleted too.
 */
import { MARK } from '../render/images/place.js';
import { KITTY_DELETE_ALL } from '../render/images/protocols.js';
import type { Drawing, GraphicsProtocol } from './pictures.js';

/** A picture's place on the screen (0-based row and column) and its key. */
export interface Placement {
  row: number;
  col: number;
  key: string;
}

/** The screen's lines with the pictures' marks taken out, and where each mark was. */
export function takeMarks(lines: readonly string[]): { lines: string[]; placements: Placement[] } {
  const placements: Placement[] = [];
  const out = lines.map((line, row) => {
    const at = line.indexOf(MARK);
    if (at < 0) return line;
    const end = line.indexOf(MARK, at + 1);
    if (end < 0) return line;
    // Only spaces come before a mark: its index is its column.
    placements.push({ row, col: at, key: line.slice(at + 1, end) });
    return '';
  });
  return { lines: out, placements };
}

/** What the painter writes around a frame so the pictures on the screen are those of the frame. */
export interface GraphicsFrame {
  /** Clear the screen and draw it whole (pictures that are cells of the screen must go). */
  clear: boolean;
  /** Written before the frame (kitty's delete). */
  before: string;
  /** Written after the frame: each picture at its place, the cursor left where it was. */
  after: string;
}

/** Keeps track of the pictures a protocol has put on the screen. */
export class GraphicsLayer {
  private shown = '';
  /** What deletes the images of the placeholders on the screen. */
  private removal = '';

  constructor(
    private readonly protocol: GraphicsProtocol,
    private readonly sequence: (key: string) => Drawing | undefined,
  ) {}

  /** What to write for a frame with these placements; `clear` when the frame clears the screen anyway. */
  frame(placements: readonly Placement[], clear: boolean): GraphicsFrame {
    const now = placements.map((p) => `${p.row},${p.col},${p.key}`).join('|');
    const changed = now !== this.shown;
    const had = this.shown !== '';
    this.shown = now;
    let before = '';
    if (had && (changed || clear)) {
      if (this.removal) {
        before = this.removal;
        clear = true;
      } else if (this.protocol === 'kitty') before = KITTY_DELETE_ALL;
      else clear = true;
    }
    this.removal = '';
    let after = '';
    for (const p of placements) {
      const d = this.sequence(p.key);
      if (d && typeof d !== 'string') this.removal += d.remove;
      if (!d || !(changed || clear)) continue;
      const rows = typeof d === 'string' ? [d] : d.rows;
      after += `\u001b[s${rows.map((r, i) => `\u001b[${p.row + 1 + i};${p.col + 1}H${r}`).join('')}\u001b[u`;
    }
    return { clear, before, after };
  }

  /** Another painter takes the screen: the pictures go (kitty), and nothing is taken as shown. */
  release(): string {
    const had = this.shown !== '';
    const removal = this.removal;
    this.shown = '';
    this.removal = '';
    return had ? removal || (this.protocol === 'kitty' ? KITTY_DELETE_ALL : '') : '';
  }
}
