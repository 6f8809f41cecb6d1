/**
 * The slides' pictures on a screen: a slide's lines with its pictures in
 * place of their labels, for the slides view (frame.ts) and the presenter
 * view (ink/View.tsx, as half blocks).
 */
import type { Slide } from '../deck/types.js';
import { placePictures } from '../render/images/place.js';
import type { Theme } from '../render/theme.js';
import type { SlidePictures } from './pictures.js';

export type { SlidePictures } from './pictures.js';

/**
 * A slide's lines with its pictures in place of their labels (see
 * render/images/place.ts); `blocks`: as half blocks whatever the protocol (Ink views).
 */
export function withPictures(
  lines: string[],
  slide: Slide,
  width: number,
  rows: number,
  theme: Theme,
  pictures?: SlidePictures,
  blocks = false,
): string[] {
  const refs = pictures?.refs(slide);
  if (!pictures || !refs?.length) return lines;
  return placePictures(lines, refs, width, rows, pictures.lookup(slide, blocks), theme.muted).lines;
}
