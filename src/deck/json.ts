import { mainCount, slideLabel } from './backup.js';
import type { Deck } from './types.js';

/** The deck as plain data for `--json`: stable keys, 1-based slide numbers. */
export function deckToJson(deck: Deck) {
  const main = mainCount(deck);
  return {
    title: deck.meta.title ?? null,
    subtitle: deck.meta.subtitle ?? null,
    author: deck.meta.author ?? null,
    date: deck.meta.date ?? null,
    classification: deck.meta.classification ?? null,
    dialect: deck.dialect ?? 'brief',
    sections: deck.sections.map((s) => ({
      title: s.title,
      first: s.first + 1,
      last: s.last + 1,
      slides: range(s.first + 1, s.last + 1),
      ...(s.backup ? { backup: true } : {}),
    })),
    /** How many slides are the briefing; the rest (numbered after them) are backup slides. */
    main,
    slides: deck.slides.map((s) => ({
      number: s.index + 1,
      title: s.title,
      section: deck.sections[s.section].title,
      kind: s.kind,
      backup: s.index >= main,
      label: slideLabel(s.index, main),
      notes: s.notes,
      body: s.body,
      source: s.source,
    })),
  };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/**
 * JSON text for output: JSON.stringify, with DEL and the C1 controls
 * (U+007F–U+009F), which it leaves as they are, escaped too (`\u009b`), so
 * that no JSON the program writes can drive the terminal it is read on.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
