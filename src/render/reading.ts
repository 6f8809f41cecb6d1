import { mainCount } from '../deck/backup.js';
import type { Deck } from '../deck/types.js';
import { contains } from '../deck/search.js';
import { pushAll } from './lines.js';
import type { MarkdownRenderer } from './markdown.js';
import { renderSlideText } from './slide.js';
import type { Theme } from './theme.js';
import { displayWidth, dropFormat } from './wrap.js';
import { SGR } from './ansi.js';
import { reservePictureRows } from './images/place.js';
import { imagesIn } from './images/refs.js';


/** The whole deck as one document, for the reading view. */
export interface ReadingDocument {
  lines: string[];
  /** Plain text of each line, for search. */
  plain: string[];
  /** First line of each slide. */
  slideStarts: number[];
}

/**
 * Lay out the deck for reading at a width: section headings, every slide in
 * order under its number and title, its speaker notes after it, set apart
 * (indented, dimmed, labelled "Notes"). With `pictureRows`, each picture's
 * label is followed by room for the picture, that many rows in all.
 */
export function buildReadingDocument(deck: Deck, width: number, md: MarkdownRenderer, theme: Theme, pictureRows = 0): ReadingDocument {
  const lines: string[] = [];
  const slideStarts: number[] = [];
  const n = deck.slides.length;
  const main = mainCount(deck);
  let section = -1;
  for (const slide of deck.slides) {
    // A jump to the first slide of a section shows the section's heading too.
    slideStarts.push(lines.length);
    if (slide.section !== section) {
      section = slide.section;
      const title = dropFormat(deck.sections[section].title);
      if (title) {
        if (lines.length) lines.push('');
        lines.push(theme.heading(`§ ${title}`));
        lines.push(theme.rule('═'.repeat(Math.min(width, displayWidth(`§ ${title}`)))));
      }
    }
    lines.push('');
    // Backup slides as the status line counts them: B1/3.
    const label = slide.index < main ? ` ${slide.index + 1}/${main} ` : ` B${slide.index - main + 1}/${n - main} `;
    lines.push(theme.muted('──' + label + '─'.repeat(Math.max(0, width - 2 - displayWidth(label)))));
    lines.push('');
    const text = renderSlideText(slide, width, md);
    pushAll(lines, pictureRows ? reservePictureRows(text, imagesIn(slide.body), pictureRows) : text);
    if (slide.notes.trim()) {
      const inner = Math.max(10, width - 4);
      lines.push('');
      lines.push('  ' + theme.notesLabel('Notes'));
      for (const l of md(slide.notes, inner)) lines.push('  ' + theme.muted('│ ') + theme.muted(l.replace(SGR, '')));
    }
  }
  lines.push('');
  lines.push(theme.muted('— end of the deck —'));
  return { lines, plain: lines.map((l) => l.replace(SGR, '')), slideStarts };
}

/** Lines of the document that contain the query. */
export function findLines(doc: ReadingDocument, query: string): number[] {
  const out: number[] = [];
  doc.plain.forEach((l, i) => {
    if (contains(l, query)) out.push(i);
  });
  return out;
}
