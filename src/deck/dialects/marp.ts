/**
 * Marp (marp-team/marpit, marp-cli): `---` and the other thematic breaks
 * split, directive comments steer the slide, any other comment is a
 * presenter note, `headingDivider` splits before headings.
 */
import { anyRuleSeparator } from '../lines.js';
import type { FileRules } from './index.js';
import { BRIEF_PARTS } from './brief.js';

/** Marp's directives (global and local); each local one also with a leading `_` (this slide only). */
export const MARP_DIRECTIVES: ReadonlySet<string> = new Set([
  'theme',
  'style',
  'headingDivider',
  'size',
  'math',
  'title',
  'author',
  'description',
  'image',
  'keywords',
  'url',
  'marp',
  'lang',
  'paginate',
  'header',
  'footer',
  'class',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'color',
  'transition',
]);
/** Marp directives that no other dialect uses in a comment: enough to recognise a Marp deck. */
const MARP_ONLY = new Set([
  'headingDivider',
  'paginate',
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
]);

/** Is a comment name one that only Marp uses (or a `_`-scoped Marp directive)? */
export function isMarpOnlyName(name: string): boolean {
  return MARP_ONLY.has(name.replace(/^_/, '')) || (name[0] === '_' && MARP_DIRECTIVES.has(name.slice(1)));
}

/**
 * Is a comment Marp's directives: `fit`, or `key: value` lines of which at
 * least one key is a (optionally `_`-scoped) Marp directive? Marpit reads such
 * a comment as YAML and keeps it from the notes when any key is a directive
 * (the others are ignored).
 */
export function isMarpDirective(content: string): boolean {
  const text = content.trim();
  if (text === 'fit') return true;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const keys = lines.map((l) => /^\s*(_?[A-Za-z][\w-]*)\s*:(\s|$)/.exec(l)?.[1]);
  if (!keys.length || keys.some((k) => k === undefined)) return false;
  return keys.some((k) => MARP_DIRECTIVES.has(k!.replace(/^_/, '')));
}

/** The value of the first `<!-- headingDivider: … -->` comment, found in one pass. */
function headingDividerComment(body: string): string | null {
  const NAME = 'headingDivider';
  let close = -1;
  for (let at = body.indexOf('<!--'); at >= 0; at = body.indexOf('<!--', at + 4)) {
    let i = at + 4;
    while (i < body.length && /\s/.test(body[i])) i++;
    if (!body.startsWith(NAME, i)) continue;
    if (close < i) close = body.indexOf('-->', i);
    if (close < 0) return null;
    const rest = body.slice(i + NAME.length, close).trim();
    if (rest[0] !== ':' || rest.includes('\n')) continue;
    return rest.slice(1).trim();
  }
  return null;
}

/** Marp's `headingDivider` (front matter or a comment anywhere): a level, or a list of levels. */
function marpHeadingDivider(data: Record<string, unknown>, body: string): ((level: number) => boolean) | undefined {
  let v: unknown = data.headingDivider;
  if (v === undefined) {
    const m = headingDividerComment(body);
    if (m !== null) v = /^\[/.test(m) ? m.replace(/[[\]\s]/g, '').split(',').map(Number) : Number(m);
  }
  if (typeof v === 'number' && v >= 1 && v <= 6) return (level) => level <= (v as number);
  if (Array.isArray(v)) {
    const levels = v.filter((n): n is number => typeof n === 'number');
    if (levels.length) return (level) => levels.includes(level);
  }
  return undefined;
}

/** Marp's reading of a file, on top of the shared rules. */
export function marpRules(rules: FileRules, deckFm: Record<string, unknown>, body: string): void {
  rules.titleSlide = false;
  rules.parts = {
    ...BRIEF_PARTS,
    incrementalLists: rules.parts.incrementalLists,
    isDirective: (content, name, raw) => isMarpDirective(content) || BRIEF_PARTS.isDirective(content, name, raw),
  };
  rules.split.separator = anyRuleSeparator;
  rules.split.endSlideOnly = false;
  rules.split.headingSplit = marpHeadingDivider(deckFm, body);
}
