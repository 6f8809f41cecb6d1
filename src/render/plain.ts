import type { Deck } from '../deck/types.js';
import type { MarkdownRenderer } from './markdown.js';
import { renderNotesLines, renderSlideLines } from './slide.js';
import type { Theme } from './theme.js';

/**
 * The whole deck as text for a pipe or a file: the title block, then each
 * slide under a `Slide n/N — section` header with its notes after it.
 */
export function renderPlainDeck(deck: Deck, width: number, md: MarkdownRenderer, theme: Theme): string {
  const out: string[] = [];
  const { title, subtitle, author, date, classification } = deck.meta;
  if (classification) out.push(theme.banner(classification), '');
  if (title) {
    out.push(theme.title(title));
    if (subtitle) out.push(subtitle);
    const byline = [author, date].filter(Boolean).join(' · ');
    if (byline) out.push(byline);
    out.push('');
  }
  const n = deck.slides.length;
  for (const slide of deck.slides) {
    const section = deck.sections[slide.section].title;
    const header = `Slide ${slide.index + 1}/${n}${section ? ` — ${section}` : ''}`;
    out.push(theme.muted('─'.repeat(Math.min(width, 80))));
    out.push(theme.strong(header), '');
    out.push(...renderSlideLines(slide, width, md));
    if (slide.notes.trim()) {
      out.push('', theme.notesLabel('Notes:'));
      out.push(...renderNotesLines(slide.notes, Math.max(10, width - 2), md, theme).map((l) => '  ' + l));
    }
    out.push('');
  }
  if (classification) out.push(theme.banner(classification));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
