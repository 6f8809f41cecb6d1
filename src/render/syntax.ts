/**
 * Syntax highlighting for fenced code, loaded as it is needed: highlight.js's
 * core, plus each language the first time a slide uses it (and the languages
 * it embeds, such as CSS and JavaScript in HTML). Nothing is registered at
 * start-up, and a deck without code never loads a language.
 *
 * Synchronous throughout, since marked renders synchronously. Never writes
 * to the console (highlight.js logs unknown languages; they are never asked
 * for) and never throws: code it cannot highlight comes back as undefined.
 */
/// <reference types="highlight.js" />
import hljs from 'highlight.js/lib/core';
import { languageFor, loadLanguage } from './syntax-languages.js';

export type SyntaxStyle = (text: string) => string;
/** Styles by highlight.js scope ("keyword", "string", "meta-keyword" or its first part "meta"). */
export type SyntaxTheme = Record<string, SyntaxStyle>;

const registered = new Set<string>();

/**
 * The highlight.js language for a fence's info string: its first word, by
 * name or alias ("rust +exec" → "rust", "JS" → "javascript", "{.python}" →
 * "python"); undefined when there is none or it is not a known language.
 */
export function codeLanguage(info: string | undefined): string | undefined {
  const word = /^[\s{.]*([^\s{},]+)/.exec(info ?? '')?.[1];
  return word ? languageFor(word) : undefined;
}

function register(language: string): void {
  if (registered.has(language)) return;
  registered.add(language);
  hljs.registerLanguage(language, loadLanguage(language));
  // A language that embeds another highlights it only once that is registered too.
  for (const sub of embedded(hljs.getLanguage(language))) {
    const name = languageFor(sub);
    if (name) register(name);
  }
}

/** Names of the languages a definition embeds (`subLanguage` anywhere in its modes). */
function embedded(root: unknown): Set<string> {
  const out = new Set<string>();
  const seen = new Set<object>();
  const walk = (mode: unknown): void => {
    if (!mode || typeof mode !== 'object' || seen.has(mode)) return;
    seen.add(mode);
    const m = mode as Record<string, unknown>;
    const sub = m.subLanguage;
    for (const s of Array.isArray(sub) ? sub : [sub]) if (typeof s === 'string') out.add(s);
    for (const key of ['contains', 'variants']) {
      const list = m[key];
      if (Array.isArray(list)) for (const child of list) walk(child);
    }
    walk(m.starts);
  };
  walk(root);
  return out;
}

/**
 * `code` highlighted as the language its fence names, styled by `theme`;
 * undefined when the fence names no known language (or anything fails).
 */
export function highlightCode(code: string, info: string | undefined, theme: SyntaxTheme): string | undefined {
  const language = codeLanguage(info);
  if (!language) return undefined;
  try {
    register(language);
    return htmlToAnsi(hljs.highlight(code, { language, ignoreIllegals: true }).value, theme);
  } catch {
    return undefined;
  }
}

const HTML_TOKEN = /<span class="([^"]*)">|<\/span>|[^<]+|</g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function styleFor(classes: string, theme: SyntaxTheme): SyntaxStyle | undefined {
  const scope = /hljs-([\w-]+)/.exec(classes)?.[1];
  if (!scope) return undefined;
  const base = scope.split('-')[0];
  return Object.hasOwn(theme, scope) ? theme[scope] : Object.hasOwn(theme, base) ? theme[base] : undefined;
}

/** highlight.js's HTML (spans and escaped text only) as text with ANSI styles. */
export function htmlToAnsi(html: string, theme: SyntaxTheme): string {
  const stack: { style?: SyntaxStyle; parts: string[] }[] = [{ parts: [] }];
  for (const m of html.matchAll(HTML_TOKEN)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      stack.push({ style: styleFor(m[1], theme), parts: [] });
    } else if (m[0] === '</span>') {
      if (stack.length === 1) continue;
      stack.pop();
      const text = top.parts.join('');
      stack[stack.length - 1].parts.push(top.style && text ? top.style(text) : text);
    } else {
      top.parts.push(decode(m[0]));
    }
  }
  while (stack.length > 1) {
    const top = stack.pop()!;
    stack[stack.length - 1].parts.push(top.parts.join(''));
  }
  return stack[0].parts.join('');
}
