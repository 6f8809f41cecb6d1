/**
 * The handout as plain text at a width: title block, contents, each section
 * between rules of `=`, each slide under a rule of `-` and its number and
 * title, drawn by the presenter's own Markdown renderer without colour, its
 * notes indented under "Notes:".
 */
import type { Deck } from '../../deck/types.js';
import { TITLE_RULE } from '../heading.js';
import { createMarkdownRenderer } from '../markdown.js';
import { pushAll } from '../lines.js';
import { plainWrap, renderNotesLines, renderSlideText } from '../slide.js';
import { makeTheme } from '../theme.js';
import { centre } from '../wrap.js';
import { makeHandout, titleLines } from './outline.js';
import { SGR, stripSgr } from '../ansi.js';

export const TEXT_WIDTH = { default: 80, min: 20, max: 400 } as const;

const TITLE_RULE_LINE = new RegExp(`^${TITLE_RULE}+$`);
const isTitleRule = (line: string) => TITLE_RULE_LINE.test(stripSgr(line));

/** The deck as a plain-text handout, no line wider than `width`, no ANSI codes. */
export function exportText(deck: Deck, width: number = TEXT_WIDTH.default): string {
  const w = Math.max(TEXT_WIDTH.min, Math.floor(width));
  const theme = makeTheme(0);
  const md = createMarkdownRenderer(theme);
  const h = makeHandout(deck);
  const out: string[] = [];
  const wrap = (text: string, indent = '') => plainWrap(text, w - indent.length).map((l) => indent + l);
  const notes = (text: string) => {
    if (!text) return;
    out.push('', 'Notes:');
    for (const l of renderNotesLines(text, w - 2, md, theme)) out.push(l ? '  ' + l : l);
  };
  const banner = h.meta.classification;

  if (banner) pushAll(out, wrap(banner).map((l) => centre(l, w))).push('');
  if (h.cover) {
    // The title slide, centred as the presenter shows it.
    pushAll(out, renderSlideText(h.cover.slide, w, md));
    notes(h.cover.notes);
    out.push('');
  } else {
    const { title, subtitle, byline } = titleLines(h.meta);
    const lines = [title, subtitle, byline].filter((l): l is string => Boolean(l));
    if (lines.length) pushAll(out, lines.flatMap((l) => wrap(l))).push('');
  }

  if (h.parts.some((p) => p.slides.length)) {
    out.push('Contents', '');
    for (const part of h.parts) {
      const indent = part.title ? '    ' : '  ';
      if (part.title) pushAll(out, wrap(part.title, '  '));
      for (const s of part.slides) pushAll(out, wrap(s.label, indent));
    }
    out.push('');
  }

  for (const part of h.parts) {
    if (part.title) {
      out.push('='.repeat(w));
      pushAll(out, wrap(part.title)).push('='.repeat(w), '');
    }
    part.slides.forEach((s, i) => {
      // The first slide of a section sits right under the section's rules.
      if (i > 0 || !part.title) out.push('-'.repeat(w));
      // The heading as the renderer draws it (links keep their address, tags
      // their text), without the rule drawn under a title.
      const drawn = () => md(`# ${s.heading}`, 10000).filter((l) => !isTitleRule(l));
      const heading = s.heading === undefined ? s.headingText : `${s.mark}. ${drawn().join(' ')}`;
      pushAll(out, wrap(heading));
      if (s.body) {
        out.push('');
        pushAll(out, md(s.body, w));
      }
      notes(s.notes);
      out.push('');
    });
  }
  if (banner) pushAll(out, wrap(banner).map((l) => centre(l, w)));
  return (
    out
      .join('\n')
      .replace(SGR, '')
      .replace(/[ \t]+$/gm, '')
      .replace(/\n+$/, '') + '\n'
  );
}
