/**
 * Link reference definitions (`[x]: https://…`) belong to a whole Markdown
 * document, and the first one of a label wins. A handout puts every slide
 * and its notes in one document, where one slide's `[x]: …` would retarget
 * another slide's `[x]`, or make a link of an `[x]` that is text on its own.
 *
 * So each slide's Markdown and each slide's notes are read alone, as the
 * presenter reads them: every reference link becomes an inline link to where
 * it led there, and every definition gets a label that nothing else in the
 * handout can name (`[x @3]: …`). The result is read again and must give the
 * same links and text as the original alone; if it does not (Markdown laid
 * out in a way this cannot follow), the definitions are made plain text
 * instead (`[x]\: …`): its links then show as written, but none points into
 * another slide.
 */
import { Marked, type Token, type Tokens, type TokensList } from 'marked';
import { FenceTracker } from '../../deck/lines.js';

/** Lexing only; the global `marked` is never used or changed. */
const lexer = new Marked({ gfm: true });

/** Markdown's tokens as the handout reads them (GitHub-flavoured). */
export function lex(markdown: string): TokensList {
  return lexer.lexer(markdown);
}

/**
 * What the handout's definition labels are marked with: `@`s followed by a
 * number, as many `@`s as it takes for no text of the deck to hold them.
 */
export function referenceMark(texts: Iterable<string>): string {
  const all = [...texts];
  let mark = '@';
  for (;;) {
    const re = new RegExp(`${mark}\\d`);
    if (!all.some((t) => re.test(t))) return mark;
    mark += '@';
  }
}

/** The Markdown took a turn this cannot follow. */
class Lost extends Error {}

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * A pattern for source text as marked read it: inside a quote or a list item
 * (line prefixes gone), tabs turned to spaces.
 */
function sourcePattern(raw: string): string {
  return raw
    .split('\n')
    .map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/[ \t]+/g, '[ \\t]+'))
    .join('\\n[ \\t>]*');
}

/** A link destination and title, inline: `(<dest> "title")`. */
function inlineTarget(href: string, title: string | null | undefined): string {
  const dest = `<${href.replace(/[\\<>]/g, '\\$&')}>`;
  const t = title ? ` "${title.replace(/\s+/g, ' ').replace(/[\\"]/g, '\\$&')}"` : '';
  return `(${dest}${t})`;
}

function normalLabel(label: string): string {
  return label.replace(/\s+/g, ' ').toLowerCase();
}

function escapedAt(s: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && s[i - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

/**
 * For a reference link's source, where the `]` that closes its text is;
 * undefined for an inline link.
 */
function textEnd(raw: string, open: number, labels: Record<string, unknown>): number | undefined {
  if (!raw.endsWith(']')) return undefined;
  if (raw.endsWith('][]')) return raw.length - 3;
  for (let i = raw.length - 2; i > open; i--) {
    if (raw[i] !== '[' || escapedAt(raw, i)) continue;
    if (raw[i - 1] === ']' && !escapedAt(raw, i - 1) && normalLabel(raw.slice(i + 1, -1)) in labels) return i - 1;
    break;
  }
  return raw.length - 1;
}

function hasLinks(tokens: Token[] | undefined): boolean {
  return (tokens ?? []).some(
    (t) => t.type === 'link' || t.type === 'image' || hasLinks((t as { tokens?: Token[] }).tokens),
  );
}

/** The edits that make `src` (lexed as `tokens`) use inline links and marked definition labels. */
function edits(src: string, tokens: Token[], labels: Record<string, unknown>, tag: string): Edit[] {
  const out: Edit[] = [];
  let at = 0;
  // The next place at or after `at` where `pattern` matches; `at` moves past it.
  const find = (pattern: string): RegExpExecArray => {
    const re = new RegExp(pattern, 'dg');
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) throw new Lost();
    at = m.index + m[0].length;
    return m;
  };

  const definition = (t: Tokens.Def) => {
    const m = find(sourcePattern(t.raw.replace(/\n+$/, '')));
    let i = src.indexOf('[', m.index);
    if (i < 0 || i >= at) throw new Lost();
    for (i++; i < at && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    if (i >= at) throw new Lost();
    out.push({ at: i, end: i, text: ` ${tag}` });
  };

  const link = (t: Tokens.Link | Tokens.Image) => {
    const open = t.type === 'image' ? 2 : 1;
    // Inline already (end undefined), or a reference whose text ends at `end`.
    const end = textEnd(t.raw, open, labels);
    const m = find(
      end === undefined ? sourcePattern(t.raw) : `(${sourcePattern(t.raw.slice(0, end))})(${sourcePattern(t.raw.slice(end))})`,
    );
    if (hasLinks(t.tokens)) {
      // An image in a link's text may be a reference too.
      const after = at;
      at = m.index + open;
      walk(t.tokens, true);
      at = after;
    }
    if (end === undefined) return;
    // Keep the `]`; what follows it ([label], [] or nothing) becomes the destination.
    const [tailStart, tailEnd] = m.indices![2];
    out.push({ at: tailStart + 1, end: tailEnd, text: inlineTarget(t.href, t.title) });
  };

  const visit = (t: Token, nestedOnly: boolean) => {
    switch (t.type) {
      case 'space':
        return;
      case 'def':
        return definition(t as Tokens.Def);
      case 'link':
      case 'image':
        return link(t as Tokens.Link | Tokens.Image);
      case 'list':
        return walk((t as Tokens.List).items, nestedOnly);
      case 'table': {
        const table = t as Tokens.Table;
        for (const cell of table.header) walk(cell.tokens, nestedOnly);
        for (const row of table.rows) for (const cell of row) walk(cell.tokens, nestedOnly);
        return;
      }
      default: {
        const children = (t as { tokens?: Token[] }).tokens;
        if (children?.length) return walk(children, nestedOnly);
        // Inside a link's text only links are looked for: its text may be read unescaped.
        if (!nestedOnly && t.raw) find(sourcePattern(t.raw.replace(/\n+$/, '')));
      }
    }
  };
  const walk = (list: Token[], nestedOnly = false) => {
    for (const t of list) visit(t, nestedOnly);
  };
  walk(tokens);
  return out;
}

/** The tokens as rendered: sources, definitions and raw text of parents left out. */
function rendered(tokens: Token[]): string {
  return JSON.stringify(tokens, function (this: Record<string, unknown>, key: string, value: unknown) {
    if (key === 'raw') return undefined;
    if (key === 'text' && ('tokens' in this || 'items' in this)) return undefined;
    if (key === 'title') return typeof value === 'string' ? value.replace(/\s+/g, ' ') : '';
    if (Array.isArray(value)) return value.filter((t) => (t as Token | null)?.type !== 'def');
    return value;
  });
}

/** Definitions made plain text: `[x]:` → `[x]\:` outside fenced code. */
function withoutDefinitions(markdown: string): string {
  const fence = new FenceTracker();
  return markdown
    .split('\n')
    .map((line) => (fence.step(line) || fence.inside ? line : line.replace(/\]:/g, ']\\:')))
    .join('\n');
}

/**
 * Slide Markdown (or notes) whose links lead where they lead when it is read
 * alone, wherever it is put: reference links made inline, definitions
 * labelled `tag` (from referenceMark) so that nothing else can use them.
 */
export function scopeReferences(markdown: string, tag: string): string {
  if (!markdown.includes(']:')) return markdown;
  let tokens: ReturnType<typeof lex>;
  try {
    tokens = lex(markdown);
  } catch {
    return withoutDefinitions(markdown);
  }
  const labels = tokens.links;
  if (!Object.keys(labels).length) return markdown;
  try {
    const changes = edits(markdown, tokens, labels, tag).sort((a, b) => a.at - b.at);
    let out = '';
    let from = 0;
    for (const e of changes) {
      if (e.at < from) throw new Lost();
      out += markdown.slice(from, e.at) + e.text;
      from = e.end;
    }
    out += markdown.slice(from);
    const again = lex(out);
    const own = ` ${tag}`.toLowerCase();
    if (Object.keys(again.links).every((k) => k.endsWith(own)) && rendered(again) === rendered(tokens)) return out;
  } catch {
    // Lost, or marked gave up on the result: the plain way below.
  }
  return withoutDefinitions(markdown);
}
