/**
 * The reading view's pictures: drawn as half blocks (Ink draws text only) over
 * the room the reading document keeps after each picture's label
 * (render/reading.ts), from the same picture store as the slides. Only the
 * pictures on the screen are asked for; one not ready yet stays its label, and
 * the screen is painted again when it is.
 */
import type { Deck } from '../deck/types.js';
import { labelLines } from '../render/images/place.js';
import { imageLabel } from '../render/images/refs.js';
import { stripSgr } from '../render/ansi.js';
import type { ReadingDocument } from '../render/reading.js';
import type { Theme } from '../render/theme.js';
import { slideAtLine } from '../state/reducer.js';
import type { SlidePictures } from './pictures.js';

/**
 * The document's lines from `top`, `count` of them, with the pictures whose
 * room is on the screen drawn in it, `width` columns wide and `rows` high.
 */
export function readingLines(
  doc: ReadingDocument,
  top: number,
  count: number,
  deck: Deck,
  width: number,
  rows: number,
  theme: Theme,
  pictures?: SlidePictures,
  mark: (lines: string[]) => string[] = (l) => l,
): string[] {
  // A picture begins at most `rows - 1` lines above the screen's first line: from there on, each
  // label's room reaches the screen, so only pictures with their room on the screen are read.
  const from = Math.max(0, top - rows + 1);
  const lines = mark(doc.lines.slice(from, top + count));
  if (!pictures) return lines.slice(top - from);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes('[image: ')) continue;
    const slide = deck.slides[slideAtLine(doc, from + i)];
    if (!slide) continue;
    const [at] = labelLines([lines[i]], pictures.refs(slide));
    if (!at) continue;
    const pic = pictures.lookup(slide, true)(at.ref, width, rows);
    if (pic.kind === 'failed') {
      lines[i] = theme.muted(imageLabel(at.ref.alt, at.ref.href, pic.reason));
    } else if (pic.kind === 'lines') {
      const cols = pic.lines.length ? stripSgr(pic.lines[0]).length : 0;
      const pad = ' '.repeat(Math.max(0, Math.floor((width - cols) / 2)));
      pic.lines.forEach((l, r) => {
        if (i + r < lines.length) lines[i + r] = pad + l;
      });
    }
  }
  return lines.slice(top - from);
}

