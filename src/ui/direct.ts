/**
 * The painter without Ink: the plain slides view (with the search prompt) and
 * the too-small notice (and the blanked screen), each one pure function of the screen (frame.ts),
 * written straight to the terminal. Only the lines that changed since the
 * last paint are written; at a new size, or after another painter drew, the
 * screen is cleared and drawn whole. Pictures come with the screen; those of
 * a graphics protocol are drawn over it (graphics.ts).
 */
import { blankLines, paintScreen, slidesViewScreen, tooSmallLines } from './frame.js';
import type { PictureStore } from './pictures.js';
import { GraphicsLayer, takeMarks } from './graphics.js';
import type { Painter, Screen } from './screen.js';
import { noticeLines } from './linkview.js';

export interface PaintedScreen {
  lines: string[];
  cols: number;
  rows: number;
}

export class DirectPainter implements Painter {
  private last: PaintedScreen | null = null;
  /** Pictures drawn by a graphics protocol, when pictures are drawn so. */
  private readonly graphics: GraphicsLayer | null;

  /** `bigTitles`: slide titles at twice the size (a terminal that draws them, see render/bigtitle.ts). */
  constructor(
    private readonly out: { write(s: string): unknown },
    private readonly bigTitles = false,
    pictures?: PictureStore,
  ) {
    const protocol = pictures?.protocol;
    this.graphics = protocol ? new GraphicsLayer(protocol, (key) => pictures!.sequence(key)) : null;
  }

  /** The lines this painter would draw for a screen (its pictures as the screen has them). */
  static lines(screen: Screen & { bigTitles?: boolean }): string[] {
    if (screen.notice) return noticeLines(screen.notice, screen.cols, screen.rows);
    if (screen.blanked) return blankLines(screen.cols, screen.rows, screen.theme.level, screen.theme.name === 'light');
    return slidesViewScreen(screen) ?? tooSmallLines(screen.cols, screen.rows);
  }

  paint(screen: Screen): void {
    const { lines, placements } = takeMarks(DirectPainter.lines({ ...screen, bigTitles: this.bigTitles }));
    const { cols, rows } = screen;
    const last = this.last;
    const same = last !== null && last.cols === cols && last.rows === rows;
    const g = this.graphics?.frame(placements, !same) ?? { clear: !same, before: '', after: '' };
    const out = paintScreen(lines, { clear: g.clear, previous: g.clear ? undefined : last?.lines });
    // The cursor stays hidden whoever drew before.
    if (out || g.before || g.after) this.out.write(g.before + (same ? out : '\u001b[?25l' + out) + g.after);
    this.last = { lines, cols, rows };
  }

  release(): void {
    const gone = this.graphics?.release();
    if (gone) this.out.write(gone);
    this.last = null;
  }
}
