/**
 * The pictures a slide shows (`![alt](path)`), and how one is named in text:
 * `[image: alt (path)]`, with what went wrong after it when it cannot be
 * shown. Pure.
 */
import { Lexer, type Token } from 'marked';

/** A picture as the slide's Markdown names it. */
export interface ImageRef {
  alt: string;
  href: string;
}

/** A picture in text: its alt text and file name, and why it is not shown when it cannot be. */
export function imageLabel(alt: string, href: string, problem?: string): string {
  const name = alt ? `${alt} (${href})` : href;
  return `[image: ${name}${problem ? `: ${problem}` : ''}]`;
}

/** A reference to a picture elsewhere (a URL or a data URI): never fetched. */
export function isRemote(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[a-z]:[\\/]/i.test(href);
}

/** Every picture in a piece of Markdown, in order (in links, lists, quotes and tables too). */
export function imagesIn(markdown: string): ImageRef[] {
  if (!markdown.includes('![')) return [];
  const out: ImageRef[] = [];
  let tokens: Token[];
  try {
    tokens = new Lexer().lex(markdown);
  } catch {
    return out;
  }
  walk(tokens, out);
  return out;
}

function walk(tokens: readonly Token[] | undefined, out: ImageRef[]): void {
  for (const t of tokens ?? []) {
    if (t.type === 'image') {
      const img = t as { text?: string; title?: string | null; href?: string };
      out.push({ alt: img.text || img.title || '', href: img.href ?? '' });
      continue;
    }
    const x = t as { tokens?: Token[]; items?: { tokens?: Token[] }[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
    walk(x.tokens, out);
    for (const item of x.items ?? []) walk(item.tokens, out);
    for (const cell of x.header ?? []) walk(cell.tokens, out);
    for (const row of x.rows ?? []) for (const cell of row) walk(cell.tokens, out);
  }
}
