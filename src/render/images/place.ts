/**
 * Pictures put in a slide's lines: each picture standing alone on its line
 * (drawn as its label, `[image: alt (path)]`, by the Markdown renderer) takes
 * its share of the rows the slide leaves free, keeping its shape. A picture
 * not ready yet stays a label; one that cannot be shown says why in its
 * label. Pure: what a picture looks like at a size comes from `get`.
 */
import { stripSgr } from '../ansi.js';
import { imageLabel, type ImageRef } from './refs.js';

/** What a picture is at a size: not ready, unavailable (and why), lines of text, or an area for a graphics protocol. */
export type Picture =
  | { kind: 'pending' }
  | { kind: 'failed'; reason: string }
  | { kind: 'lines'; lines: string[] }
  | { kind: 'graphic'; cols: number; rows: number; key: string };

/** Gives a picture at most `cols` × `rows` cells. */
export type PictureLookup = (ref: ImageRef, cols: number, rows: number) => Picture;

/**
 * Marks where a picture drawn by a graphics protocol goes: the first row of
 * its area holds MARK, its key, MARK (deck text never holds a NUL); the
 * painter takes the mark out and draws the picture there.
 */
export const MARK = '\u0000';

/** The fewest rows a picture is drawn in; with less room it stays a label. */
export const MIN_PICTURE_ROWS = 2;

export interface Placed {
  lines: string[];
}

/**
 * A slide's lines with its pictures in place, for an area `width` columns
 * wide and `rows` high. `muted` styles labels as the renderer does.
 */
export function placePictures(
  lines: string[],
  refs: readonly ImageRef[],
  width: number,
  rows: number,
  get: PictureLookup,
  muted: (s: string) => string = (s) => s,
): Placed {
  if (!refs.length) return { lines };
  const at = labelLines(lines, refs);
  if (!at.length) return { lines };
  const free = rows - (lines.length - at.length);
  const share = Math.floor(free / at.length);
  const room = share >= MIN_PICTURE_ROWS ? share : 0;
  const out: string[] = [];
  let next = 0;
  for (const { n, ref } of at) {
    for (; next < n; next++) out.push(lines[next]);
    next = n + 1;
    const pic = room ? get(ref, width, room) : { kind: 'pending' as const };
    if (pic.kind === 'failed') {
      out.push(muted(imageLabel(ref.alt, ref.href, pic.reason)));
    } else if (pic.kind === 'lines') {
      const cols = pic.lines.length ? stripSgr(pic.lines[0]).length : 0;
      const pad = ' '.repeat(Math.max(0, Math.floor((width - cols) / 2)));
      for (const l of pic.lines) out.push(pad + l);
    } else if (pic.kind === 'graphic') {
      out.push(' '.repeat(Math.max(0, Math.floor((width - pic.cols) / 2))) + MARK + pic.key + MARK);
      for (let r = 1; r < pic.rows; r++) out.push('');
    } else {
      out.push(lines[n]);
    }
  }
  for (; next < lines.length; next++) out.push(lines[next]);
  return { lines: out };
}

/** The lines that are a picture's label (the picture standing alone on its line), and which picture. */
export function labelLines(lines: readonly string[], refs: readonly ImageRef[]): { n: number; ref: ImageRef }[] {
  const at: { n: number; ref: ImageRef }[] = [];
  if (!refs.length) return at;
  const byLabel = new Map<string, ImageRef>();
  for (const r of refs) byLabel.set(imageLabel(r.alt, r.href), r);
  lines.forEach((l, n) => {
    if (!l.includes('[image: ')) return;
    const ref = byLabel.get(stripSgr(l).trim());
    if (ref) at.push({ n, ref });
  });
  return at;
}

/**
 * Room kept for pictures in a document that scrolls (the reading view): each
 * label followed by blank lines, `rows` in all, that the picture is drawn
 * over when it is ready; the document's length never depends on it.
 */
export function reservePictureRows(lines: string[], refs: readonly ImageRef[], rows: number): string[] {
  const at = labelLines(lines, refs);
  if (!at.length || rows < MIN_PICTURE_ROWS) return lines;
  const out: string[] = [];
  let next = 0;
  for (const { n } of at) {
    for (; next <= n; next++) out.push(lines[next]);
    for (let r = 1; r < rows; r++) out.push('');
  }
  for (; next < lines.length; next++) out.push(lines[next]);
  return out;
}
