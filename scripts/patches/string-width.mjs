/**
 * string-width 8.3.0 (pinned in package.json): index.js.
 *
 * What: its RGI-emoji regular expression and its grapheme segmenter are made
 * on first need instead of at load, and its fast path (width = length) takes
 * all text that src/render/simple-text.ts accepts, not only printable ASCII.
 *
 * Why: start-up (README, "Performance"). V8 takes ~20 ms to build the
 * `v`-flag `^\p{RGI_Emoji}$` expression, and made at load it was paid by every
 * start; with the emoji test built on demand (and one string-width for the
 * whole bundle, scripts/build.mjs) the first slide came 11 ms sooner. The
 * segmenter costs ~7 ms (ICU loads its break rules); the wider fast path
 * lets slides of Latin, Greek or Cyrillic text, punctuation, arrows and box
 * drawing be measured without it, so it is not made at start-up at all.
 * Each part was measured again against a build without it (node v20.20.2,
 * 2 cores, loaded machine): loading the bundled program took a median 67.8
 * ms of CPU, 89.4 ms without the lazy emoji expression and 74.6 ms without
 * the lazy segmenter (20 interleaved runs); without the wider fast path the
 * briefing's first slide peaked at 61.2 MB instead of 55.3 MB (npm run
 * bench, 10 runs; first slide 248 against 220 ms, floor 102 ms).
 *
 * Unnecessary when: none known. It would take an upstream string-width that
 * builds the emoji expression and the segmenter lazily (on the first text
 * that is not printable ASCII); the wider fast path is this project's own
 * (checked character by character by test/simple-text.test.ts).
 */
import { fileURLToPath } from 'node:url';

const simpleText = fileURLToPath(new URL('../../src/render/simple-text.ts', import.meta.url));

export default {
  package: 'string-width',
  files: {
    'index.js': [
      // The emoji test, built on first need, and only for a cluster that can
      // be an emoji: every RGI emoji has an Emoji_Presentation or
      // Extended_Pictographic code point, a regional indicator, VS16 or a
      // keycap mark (digits, `#` and `*` are Emoji, but not RGI emoji alone).
      {
        from: String.raw`const rgiEmojiRegex = /^\p{RGI_Emoji}$/v;`,
        to: String.raw`const rgiEmojiRegex = {
  maybe: /[\p{Emoji_Presentation}\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u20E3]/u,
  re: undefined,
  test(s) {
    return this.maybe.test(s) && (this.re ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(s);
  },
};`,
      },
      // The grapheme segmenter, made on first need.
      { from: 'const segmenter = new Intl.Segmenter();', to: 'let segmenter;' },
      { from: 'segmenter.segment(string)', to: '(segmenter ??= new Intl.Segmenter()).segment(string)' },
      // The fast path for all one-column text, not only printable ASCII (the
      // ambiguous-width characters in it are narrow only by default).
      {
        from: "import stripAnsi from 'strip-ansi';",
        to: `import stripAnsi from 'strip-ansi';\nimport { SIMPLE_TEXT } from ${JSON.stringify(simpleText)};`,
      },
      {
        from: String.raw`if (/^[\u0020-\u007E]*$/.test(string)) {`,
        to: 'if (ambiguousIsNarrow && SIMPLE_TEXT.test(string)) {',
      },
    ],
  },
};
