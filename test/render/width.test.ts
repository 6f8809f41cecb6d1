// Display width per code point, as terminals draw text (src/render/ansi.ts),
// and the wrapping, truncating and status line built on it. What a terminal
// emulator shows is checked in test/e2e/width-e2e.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth } from '../../src/render/ansi.js';
import { statusLine } from '../../src/render/status.js';
import { makeTheme } from '../../src/render/theme.js';
import { truncate, wrapLine } from '../../src/render/wrap.js';

test('one column per code point of non-zero width, two for wide ones', () => {
  const cases: Array<[string, number]> = [
    ['កម្ពុជា', 5], // ក ម ព ជ and the spacing vowel ា; the coeng and ុ take none
    ['ภาษาไทย', 7],
    ['น้ำ', 2], // the tone mark takes none, SARA AM one
    ['中文字', 6],
    ['ｱｲｳ', 3], // halfwidth katakana
    ['ＡＢ', 4], // fullwidth Latin
    ['e\u0301', 1],
    ['\u1100\u1161\u11a8', 2], // Hangul jamo: the medial vowel and the final consonant take none
    ['a\u200bb\u00adc\u2060d', 4], // zero-width space, soft hyphen, word joiner
    ['\u{1F600}', 2],
    ['\u2764\ufe0f', 1], // the selector adds nothing
    ['\u{1F44D}\u{1F3FD}', 4], // a skin tone is an emoji of its own
    ['\u{1F468}\u200d\u{1F469}\u200d\u{1F467}', 6],
    ['\u{1F1EB}\u{1F1F7}', 2],
    ['\u001b[1mbold\u001b[0m', 4],
    ['\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007', 4],
    ['a\tb\u0007', 2],
    ['', 0],
  ];
  for (const [s, w] of cases) assert.equal(displayWidth(s), w, JSON.stringify(s));
});

const KHMER = 'ព្រះរាជាណាចក្រកម្ពុជា'.repeat(6);
const MARK = /^[\p{M}\u200c\u200d]/u;

test('Khmer and Thai wrap to the width by terminal columns, never splitting a cluster', () => {
  for (const text of [KHMER, 'ภาษาไทยเป็นภาษาราชการน้ำใจ'.repeat(5), `${KHMER} ${KHMER}`]) {
    for (const width of [7, 20, 40]) {
      const rows = wrapLine(text, width);
      for (const row of rows) {
        assert.ok(displayWidth(row) <= width, `${width}: ${row} is ${displayWidth(row)}`);
        assert.doesNotMatch(row, MARK, 'a row starts with a mark');
      }
      assert.equal(rows.join('').replace(/ /g, ''), text.replace(/ /g, ''));
      // Filled: a row ends only where the next cluster would not fit.
      if (!text.includes(' ')) for (const row of rows.slice(0, -1)) assert.ok(displayWidth(row) > width - 3, `${width}: ${row}`);
    }
  }
});

test('truncating and the status line count Khmer as terminals draw it', () => {
  for (const width of [5, 12, 30]) assert.ok(displayWidth(truncate(KHMER, width)) <= width);
  const theme = makeTheme(0);
  for (const cols of [40, 80]) {
    const line = statusLine({ deckTitle: KHMER, section: 'កម្ពុជា', index: 0, count: 3 }, cols, theme);
    assert.equal(displayWidth(line), cols);
  }
});

test('a long line is segmented in pieces that give the same clusters as the whole', () => {
  const units = ['ภาษาไทยเป็นภาษาราชการน้ำใจกำลัง', 'ព្រះរាជាណាចក្រកម្ពុជា', '한국어도섞여있습니다', '\u1100\u1161\u11a8', '\u1100\u1100\uac00', 'ສະບາຍດີຄຳ',
    '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}\u{1F1F0}\u{1F1ED}\u{1F44D}\u{1F3FD}#\ufe0f\u20e3', 'e\u0301a\u0308\u0323', 'क्\u200dषत्रिय', '漢字'];
  const segmenter = new Intl.Segmenter();
  const clusters = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);
  let seed = 3;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
  for (let k = 0; k < 40; k++) {
    let text = '';
    while (text.length < 3000) text += units[rand(units.length)];
    // At width 1 each cluster is a row of its own: a piece cut inside one shows.
    for (const width of [1, 37]) assert.deepEqual(wrapLine(text, width).flatMap(clusters), clusters(text), `case ${k} at ${width}`);
  }
});
