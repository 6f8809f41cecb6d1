import { Marked, type MarkedExtension, type Tokens } from 'marked';
import MarkedTerminalRenderer from 'marked-terminal';
import { neutraliseControls } from '../deck/clean.js';
import { codeLines } from './code.js';
import { drawHeading } from './heading.js';
import { renderList } from './list.js';
import { limitNesting } from './nesting.js';
import { drawMermaid, isMermaid } from './mermaid/index.js';
import { gridWidth, renderTable } from './table.js';
import { highlightCode } from './syntax.js';
import type { Theme } from './theme.js';
import { wrapLine, wrapLines } from './wrap.js';
import { stripSgr } from './ansi.js';
import { imageLabel } from './images/refs.js';

/**
 * Render Markdown to terminal lines, none wider than `width` columns.
 * `tablesAsList` tells, and forgets, the tables it has drawn as lists (too
 * wide for a grid) since it was last asked: the width each needs as a grid.
 */
export type MarkdownRenderer = ((markdown: string, width: number, tableWidth?: number) => string[]) & {
  tablesAsList?: () => number[];
};

type TerminalRenderer = Record<string, (...args: unknown[]) => string> & {
  transform: (s: string) => string;
  options: unknown;
  parser: unknown;
};

const PASSTHROUGH = [
  'paragraph',
  'strong',
  'em',
  'codespan',
  'br',
] as const;

/**
 * A Markdown renderer on marked + marked-terminal, with what a slide needs
 * on top: inline formatting inside list items (marked-terminal leaves
 * `**bold**` literal there with marked ≥ 13), bullets, rules and tables
 * sized to the slide, links as text (no terminal hyperlink sequences), and
 * every line wrapped to the width with a hanging indent.
 */
export function createMarkdownRenderer(theme: Theme): MarkdownRenderer {
  let width = 80;
  let tableWidth = 80;
  /** Rows of tables drawn wider than the text width, left unwrapped. */
  const wide = new Set<string>();
  let asList: number[] = [];
  let listDepth = 0;
  let quoteDepth = 0;
  const r = new (MarkedTerminalRenderer as unknown as new (o: object) => TerminalRenderer)({
    code: theme.code,
    blockquote: theme.quote,
    html: theme.muted,
    heading: theme.heading,
    firstHeading: theme.title,
    hr: theme.rule,
    listitem: (s: string) => s,
    table: (s: string) => s,
    paragraph: theme.text,
    strong: theme.strong,
    em: theme.em,
    codespan: theme.codespan,
    del: theme.del,
    link: theme.link,
    href: theme.href,
    text: (s: string) => s,
    showSectionPrefix: false,
    reflowText: false,
    emoji: true,
    tab: 2,
  });

  const renderer: Record<string, (this: { parser: unknown; options: unknown }, ...args: never[]) => string | false> =
    {};
  for (const name of PASSTHROUGH) {
    renderer[name] = function (this: { parser: unknown; options: unknown }, ...args: unknown[]) {
      r.options = this.options;
      r.parser = this.parser;
      return r[name](...args);
    };
  }
  const syntax = theme.syntax;
  const parserOf = (ctx: { parser: unknown }) =>
    ctx.parser as { parseInline(tokens: unknown[]): string; parse(tokens: unknown[], top?: boolean): string };

  Object.assign(renderer, {
    // The fix for marked-terminal #304/#371: a text token that carries inline
    // tokens (tight list items) must have them rendered.
    text(this: { parser: unknown }, token: Tokens.Text | Tokens.Escape) {
      if ('tokens' in token && token.tokens && token.tokens.length) return parserOf(this).parseInline(token.tokens);
      return r.text(token);
    },
    list(this: { parser: unknown }, token: Tokens.List) {
      // Drawn here: marked-terminal numbers every marker it finds, nested
      // ones included, and draws a task's checkbox twice.
      listDepth++;
      try {
        return renderList(token, parserOf(this), listDepth > 1);
      } finally {
        listDepth--;
      }
    },
    checkbox() {
      return ''; // the list draws it in place of the bullet
    },
    code(token: Tokens.Code) {
      // Highlighted here rather than by marked-terminal, whose highlighter
      // loads every highlight.js language at start-up (see syntax.ts). A fence
      // naming no known language gets the code colour; no colour, no styles.
      const text = token.text;
      // A drawing in a list item or a quote leaves room for their indentation and bars.
      const room = width - (listDepth ? 2 + 4 * listDepth : 0) - 2 * quoteDepth;
      const mermaid = isMermaid(token.lang) ? drawMermaid(text, room, theme) : undefined;
      if (mermaid && 'lines' in mermaid) return mermaid.lines.join('\n') + '\n\n';
      const note = mermaid && 'problem' in mermaid ? wrapLine(theme.muted(mermaid.problem.note), width).join('\n') + '\n' : '';
      const body = theme.level === 0 ? text : (highlightCode(text, token.lang, syntax) ?? theme.code(text));
      return note + (body ? codeLines(body, width, theme.muted).join('\n') : body) + '\n\n';
    },
    heading(this: { parser: unknown }, token: Tokens.Heading) {
      // A title's rule takes the place of the blank line after it: a slide is no taller for it.
      const text = r.transform(parserOf(this).parseInline(token.tokens));
      return drawHeading(text, token.depth, width, theme) + (token.depth === 1 ? '\n' : '\n\n');
    },
    blockquote(this: { parser: unknown }, token: Tokens.Blockquote) {
      // Readable text behind a bar (marked-terminal draws quotes grey, the
      // dimmest text on a slide), wrapped here so each row keeps its bar.
      quoteDepth++;
      let inner: string;
      try {
        inner = parserOf(this).parse(token.tokens).replace(/^\n+/, '').trimEnd();
      } finally {
        quoteDepth--;
      }
      // Quotes deeper than the width has room for draw no bar of their own.
      const room = width - 2 * (quoteDepth + 1);
      if (room < 10 && quoteDepth > 0) return inner + '\n\n';
      const rows = wrapLines(inner.split('\n'), room);
      return rows.map((l) => (l ? `${theme.accent('│')} ${theme.quote(l)}` : theme.accent('│'))).join('\n') + '\n\n';
    },
    del(this: { parser: unknown }, token: Tokens.Del) {
      // Without styles struck text keeps its tildes: dropped silently, it
      // would turn a sentence's meaning around.
      const text = parserOf(this).parseInline(token.tokens);
      return theme.styled ? theme.del(text) : `~~${text}~~`;
    },
    hr() {
      return theme.rule('─'.repeat(Math.max(1, width))) + '\n\n';
    },
    link(this: { parser: unknown }, token: Tokens.Link) {
      const text = parserOf(this).parseInline(token.tokens);
      const href = token.href;
      const plainText = stripSgr(text);
      if (!href || plainText === href || `mailto:${plainText}` === href) return theme.href(plainText || href);
      return `${theme.link(text)} ${theme.muted('(' + href + ')')}`;
    },
    html(token: Tokens.HTML | Tokens.Tag) {
      // Markup is not shown: line breaks stay, tags go, their text stays.
      const text = token.text.replace(/<br\s*\/?>/gi, '\n').replace(/<\/?[A-Za-z][^>]*>/g, '');
      return 'block' in token && token.block ? (text.trim() ? theme.muted(text.trim()) + '\n\n' : '') : text;
    },
    image(token: Tokens.Image) {
      return theme.muted(imageLabel(token.text || token.title || '', token.href));
    },
    table(this: { parser: unknown }, token: Tokens.Table) {
      const inline = (cell: Tokens.TableCell) => r.transform(parserOf(this).parseInline(cell.tokens));
      const head = token.header.map(inline);
      const rows = token.rows.map((row) => row.map(inline));
      // A table that needs more than the text width may take the room given
      // for tables (not inside a list or quote, whose rows are indented).
      const atTop = listDepth === 0 && quoteDepth === 0;
      const need = gridWidth(head, rows);
      const widen = atTop && tableWidth > width && need > width && need <= tableWidth;
      const room = widen ? tableWidth : width;
      if (need > room) asList.push(need);
      const drawn = renderTable(head, rows, room, theme, token.align);
      if (room > width) for (const l of drawn.split('\n')) wide.add(l);
      return drawn + '\n\n';
    },
  });

  const marked = new Marked();
  marked.use({ renderer } as MarkedExtension);

  const render: MarkdownRenderer = (markdown, w, tw) => {
    width = Math.max(1, w);
    tableWidth = Math.max(width, tw ?? width);
    wide.clear();
    // Deck text is clean already (deck/clean.ts); this keeps the renderer safe on its own.
    const source = limitNesting(neutraliseControls(markdown));
    let out: string;
    try {
      out = marked.parse(source, { async: false }) as string;
    } catch {
      // marked gives up on some input (its recursion overflows on thousands
      // of `*` in a row): show the text as written rather than fail the deck.
      out = source;
    }
    const lines = out.replace(/\t/g, '    ').trimEnd().split('\n');
    return trimOuterBlank(lines).flatMap((l) => (wide.has(l) ? [l] : wrapLine(l, width)));
  };
  render.tablesAsList = () => {
    const seen = asList;
    asList = [];
    return seen;
  };
  return render;
}

function trimOuterBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  const blank = (l: string) => stripSgr(l).trim() === '';
  while (a < b && blank(lines[a])) a++;
  while (b > a && blank(lines[b - 1])) b--;
  return lines.slice(a, b);
}
