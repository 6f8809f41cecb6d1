import { mainCount } from '../deck/backup.js';
import type { Deck, Slide } from '../deck/types.js';
import { pushAll } from './lines.js';
import type { MarkdownRenderer } from './markdown.js';
import { renderNotesLines, renderSlideText } from './slide.js';
import type { Theme } from './theme.js';
import { SGR_SOURCE } from './ansi.js';

/** Spaces at the end of a line, before any colour codes that close it. */
const TRAILING_SPACE = new RegExp(`[ \\t]+((?:${SGR_SOURCE})*)$`);

const trimLine = (line: string) => line.replace(TRAILING_SPACE, '$1');

/**
 * One slide as text: a rule, a `Slide n/N — section` header (`Backup Bn/N` for
 * a backup slide), the slide, and its notes under `Notes:`. No line ends in a space.
 */
export function renderPlainSlide(
  deck: Deck,
  slide: Slide,
  width: number,
  md: MarkdownRenderer,
  theme: Theme,
  main = mainCount(deck),
): string[] {
  const out: string[] = [];
  const section = deck.sections[slide.section].title;
  const place = slide.index < main ? `Slide ${slide.index + 1}/${main}` : `Backup B${slide.index - main + 1}/${deck.slides.length - main}`;
  const header = `${place}${section ? ` — ${section}` : ''}`;
  out.push(theme.muted('─'.repeat(Math.min(width, 80))));
  out.push(theme.strong(header), '');
  pushAll(out, renderSlideText(slide, width, md));
  if (slide.notes.trim()) {
    out.push('', theme.notesLabel('Notes:'));
    for (const l of renderNotesLines(slide.notes, Math.max(10, width - 2), md, theme)) out.push('  ' + l);
  }
  return out.map(trimLine);
}

/**
 * The whole deck as text for a pipe or a file: each slide under a
 * `Slide n/N — section` header with its notes after it. The title block is
 * printed once: as slide 1 when the deck has a title slide, else (a dialect
 * without one) above the first slide.
 */
export function renderPlainDeck(deck: Deck, width: number, md: MarkdownRenderer, theme: Theme): string {
  const out: string[] = [];
  const { title, subtitle, author, date, classification } = deck.meta;
  if (classification) out.push(theme.bannerFor(classification)(classification), '');
  if (title && !deck.slides.some((s) => s.kind === 'title')) {
    out.push(theme.title(title));
    if (subtitle) out.push(subtitle);
    const byline = [author, date].filter(Boolean).join(' · ');
    if (byline) out.push(byline);
    out.push('');
  }
  const main = mainCount(deck);
  for (const slide of deck.slides) {
    // The backup slides come last, under a heading of their own.
    if (slide.index === main) out.push(theme.muted('═'.repeat(Math.min(width, 80))), theme.title('Backup'), '');
    pushAll(out, renderPlainSlide(deck, slide, width, md, theme, main));
    out.push('');
  }
  if (classification) out.push(theme.bannerFor(classification)(classification));
  return out.map(trimLine).join('\n').replace(/\n+$/, '') + '\n';
}
