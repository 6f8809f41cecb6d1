// SIMPLE_TEXT (src/render/simple-text.ts) lets the width of text be its
// length, without the grapheme segmenter: checked here against the width of
// each code point (which displayWidth itself skips for simple text) and ICU's
// grapheme segmentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointWidth, displayWidth } from '../../src/render/ansi.js';
import { SIMPLE_TEXT } from '../../src/render/simple-text.js';
import { truncate, wrapLine } from '../../src/render/wrap.js';

const simple: string[] = [];
for (let cp = 0; cp <= 0xffff; cp++) {
  const c = String.fromCharCode(cp);
  if (SIMPLE_TEXT.test(c)) simple.push(c);
}

test('every simple character is one column wide', () => {
  assert.ok(simple.length > 1500, `${simple.length} characters`);
  const wrong = simple.filter((c) => codePointWidth(c.codePointAt(0)!) !== 1);
  assert.deepEqual(wrong.map((c) => c.codePointAt(0)!.toString(16)), []);
});

test('simple text is one grapheme a character, and its width is its length', () => {
  const seg = new Intl.Segmenter();
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % n;
  };
  for (let i = 0; i < 3000; i++) {
    const s = Array.from({ length: 1 + rand(24) }, () => simple[rand(simple.length)]).join('');
    assert.equal([...seg.segment(s)].length, s.length, JSON.stringify(s));
    assert.equal(displayWidth(s), s.length, JSON.stringify(s));
  }
});

test('text with marks, joiners, emoji, wide or zero-width characters is not simple', () => {
  for (const s of ['e\u0301', '\u00ad', 'a\u200db', '\u{1F600}', '\u25fd', '\u4e2d', 'x\u200b', '\u0483', '\t', '\u0085']) {
    assert.equal(SIMPLE_TEXT.test(s), false, JSON.stringify(s));
  }
  // Still measured and cut by clusters.
  assert.deepEqual(wrapLine('\u4e2d\u6587\u4e2d\u6587', 4), ['\u4e2d\u6587', '\u4e2d\u6587']);
  assert.equal(truncate('e\u0301e\u0301e\u0301', 2), 'e\u0301\u2026');
  assert.equal(truncate('\u2022 \u2500\u2500\u2500\u2500', 4), '\u2022 \u2500\u2026');
});
