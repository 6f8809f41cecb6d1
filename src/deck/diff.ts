import type { Deck } from './types.js';

/**
 * The first slide that differs between two versions of a deck (its text,
 * notes or title), or -1 when no slide did: after a reload, the view goes
 * there, or stays where it was.
 */
export function firstChangedSlide(before: Deck, after: Deck): number {
  const n = Math.max(before.slides.length, after.slides.length);
  for (let i = 0; i < n; i++) {
    const a = before.slides[i];
    const b = after.slides[i];
    if (!a || !b || a.body !== b.body || a.notes !== b.notes || a.title !== b.title) {
      return Math.min(i, after.slides.length - 1);
    }
  }
  return -1;
}
