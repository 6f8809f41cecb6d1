/**
 * Backup slides: the slides after `<!-- backup -->` (a one-file deck) or in a
 * folder file whose front matter says `backup: true`. The deck keeps them
 * after every main slide, so "main" is a count: slides 0..main-1 are the
 * briefing, main..count-1 its backup.
 */
import type { Section, Slide } from './types.js';

/** `<!-- backup -->` on a line of its own: every slide after it is a backup slide. */
export const BACKUP_MARKER = /^ {0,3}<!--[ \t]*backup[ \t]*-->[ \t]*$/i;

const counted = new WeakMap<object, number>();

/** How many slides come before the backup slides (all of them when there are none); remembered per deck, as frames ask often. */
export function mainCount(deck: { slides: readonly Pick<Slide, 'backup'>[] }): number {
  const known = counted.get(deck.slides);
  if (known !== undefined) return known;
  const i = deck.slides.findIndex((s) => s.backup);
  const main = i < 0 ? deck.slides.length : i;
  counted.set(deck.slides, main);
  return main;
}

/** A slide's number as the presenter shows it: "3", or "B2" for the second backup slide. */
export function slideLabel(index: number, main: number): string {
  return index < main ? String(index + 1) : `B${index - main + 1}`;
}

/**
 * Main sections first, then backup sections, each keeping its order; slides
 * renumbered to follow. A deck whose every slide is backup has no backup.
 */
export function backupLast(slides: Slide[], sections: Section[]): { slides: Slide[]; sections: Section[] } {
  if (!sections.some((s) => s.backup)) return { slides, sections };
  if (sections.every((s) => s.backup)) {
    for (const s of sections) delete s.backup;
    for (const s of slides) delete s.backup;
    return { slides, sections };
  }
  const order = [...sections.filter((s) => !s.backup), ...sections.filter((s) => s.backup)];
  const outSlides: Slide[] = [];
  const outSections = order.map((sec, n) => {
    const first = outSlides.length;
    for (let i = sec.first; i <= sec.last; i++) {
      const slide: Slide = { ...slides[i], index: outSlides.length, section: n };
      if (sec.backup) slide.backup = true;
      else delete slide.backup;
      outSlides.push(slide);
    }
    return { ...sec, first, last: outSlides.length - 1 };
  });
  return { slides: outSlides, sections: outSections };
}
