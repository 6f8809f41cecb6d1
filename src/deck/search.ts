/**
 * Search: smart case (case-insensitive unless the query has a capital),
 * plain substring matching that works for any script (Khmer, CJK).
 */

export function isCaseSensitive(query: string): boolean {
  return query !== query.toLocaleLowerCase();
}

/** Start offsets of `query` in `text`, non-overlapping. */
export function findAll(text: string, query: string): number[] {
  if (!query) return [];
  const sensitive = isCaseSensitive(query);
  const hay = sensitive ? text : text.toLocaleLowerCase();
  const needle = sensitive ? query : query.toLocaleLowerCase();
  // Lower-casing can change lengths (e.g. "İ"); fall back to the original text then.
  const same = hay.length === text.length;
  const out: number[] = [];
  let at = (same ? hay : text).indexOf(same ? needle : query);
  while (at >= 0) {
    out.push(at);
    at = (same ? hay : text).indexOf(same ? needle : query, at + Math.max(1, needle.length));
  }
  return out;
}

export function contains(text: string, query: string): boolean {
  return findAll(text, query).length > 0;
}

/** What a slide offers to search: its text and its notes, as plain text. */
export interface SearchText {
  body: string;
  notes: string;
}

/** Slides (in order) whose text or notes contain the query. */
export function matchingSlides(texts: readonly SearchText[], query: string): number[] {
  if (!query) return [];
  const out: number[] = [];
  texts.forEach((t, i) => {
    if (contains(t.body, query) || contains(t.notes, query)) out.push(i);
  });
  return out;
}
