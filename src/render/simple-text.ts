/**
 * Text whose width is its length: every character is a grapheme cluster of
 * its own, one column wide (East Asian Width narrow, neutral or ambiguous,
 * taken as narrow), with no marks, joiners, selectors or surrogates. Printable
 * ASCII, Latin-1 and the Latin extensions (not the soft hyphen), Greek and
 * Cyrillic (not the Cyrillic combining marks), general punctuation (not the
 * zero-width and direction controls), arrows, box drawing, block elements and
 * geometric shapes (not the two wide ones, U+25FD and U+25FE).
 *
 * Slides are mostly this (bullets, dashes, quotes, table borders), and
 * measuring it needs neither the grapheme segmenter (ICU's break rules take
 * ~7 ms to load, once) nor a width table. test/simple-text.test.ts checks
 * every character against the width of its code point (render/ansi.ts).
 */
export const SIMPLE_TEXT =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc]*$/;
