/**
 * What front matter says about the deck and its sections: title, author,
 * date, planned minutes; the title slide made from them; a section's name
 * from a file name.
 */
import { stringField } from './frontmatter.js';
import type { DeckMeta } from './types.js';

const META_KEYS = ['title', 'subtitle', 'author', 'date', 'classification', 'theme'] as const;

/** Deck meta from front matter, with presenterm's `sub_title` and `authors` spellings. */
export function metaFrom(data: Record<string, unknown>): DeckMeta {
  const meta: DeckMeta = {};
  for (const key of META_KEYS) {
    const v = stringField(data, key);
    if (v !== undefined) meta[key] = v;
  }
  if (meta.subtitle === undefined) {
    const sub = stringField(data, 'sub_title');
    if (sub !== undefined) meta.subtitle = sub;
  }
  const duration = minutes(data.duration);
  if (duration !== undefined) meta.duration = duration;
  if (meta.author === undefined && Array.isArray(data.authors)) {
    const names = data.authors.map((a) => stringField({ a }, 'a')).filter((a): a is string => a !== undefined);
    if (names.length) meta.author = names.join(', ');
  }
  return meta;
}

/** Planned minutes: `10`, `7.5` or `"10 min"`; undefined when absent or not a positive number. */
export function minutes(v: unknown): number | undefined {
  let n = typeof v === 'number' ? v : NaN;
  if (typeof v === 'string') n = Number(/^\s*(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes)?\s*$/i.exec(v)?.[1] ?? NaN);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** `Name, 5 min`: the section's name and planned minutes (the time follows the last comma). */
export function plannedSection(text: string): { name: string; minutes: number | undefined } | null {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return null;
  const time = /^\s*(\d+(?:\.\d+)?\s*(?:m|min|mins|minutes))\s*$/i.exec(text.slice(comma + 1));
  return time ? { name: text.slice(0, comma).trimEnd(), minutes: minutes(time[1]) } : null;
}

/** A Markdown file's name (`.md`, `.markdown`): what a folder deck reads and a name drops. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** "03-military-ties.md" → "Military ties". */
export function nameFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const stem = base.replace(MARKDOWN_FILE, '').replace(/^[\d\s._-]+/, '');
  const words = stem.replace(/[-_]+/g, ' ').trim();
  if (!words) return base;
  return words[0].toUpperCase() + words.slice(1);
}

/** Markdown for the title slide made from front matter. */
export function titleSlideMarkdown(meta: DeckMeta): string {
  const parts = [`# ${meta.title}`];
  if (meta.subtitle) parts.push(`## ${meta.subtitle}`);
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ');
  if (byline) parts.push(byline);
  return parts.join('\n\n');
}
