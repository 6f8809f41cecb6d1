// `brief-present check`: the pure check on good and bad decks, and the built CLI
// (exit codes, one line per finding, --json for CI, --size validated).
// `npm test` builds dist/cli.cjs before running these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDeck, formatFindings, parseSize, slideArea, slideRanges } from '../../src/check/check.js';
import { parseDeck, parseFiles } from '../../src/deck/parse.js';
import { timingsText } from '../../src/deck/timings.js';
import { timingsOf } from '../../src/ui/rehearsal.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { makeTheme } from '../../src/render/theme.js';
import { assertOneLineError, run } from '../helpers/cli.js';
import { corpusSkip } from '../helpers/corpus.js';

const GOOD = fileURLToPath(new URL('../fixtures/check/good.md', import.meta.url));
const BAD = fileURLToPath(new URL('../fixtures/check/bad.md', import.meta.url));
const md = createMarkdownRenderer(makeTheme(0));

test('a good deck: no findings', () => {
  const result = checkDeck(parseDeck(readFileSync(GOOD, 'utf8'), 'good.md'), md);
  assert.deepEqual(result.findings, []);
  assert.equal(result.errors, 0);
  assert.deepEqual(formatFindings(result), ['3 slides checked at 80x24 (brief deck): no problems found']);
});

test('a bad deck: overflow and empty slides are errors; the rest are warnings, with file and line', () => {
  const result = checkDeck(parseDeck(readFileSync(BAD, 'utf8'), 'bad.md'), md);
  assert.deepEqual(
    result.findings.map((f) => [f.line, f.severity, f.code]),
    [
      [1, 'error', 'overflow'],
      [38, 'error', 'empty'],
      [42, 'warning', 'no-notes'],
      [50, 'warning', 'unknown-directive'],
      [51, 'warning', 'unknown-directive'],
      [54, 'warning', 'note-in-code'],
      [69, 'warning', 'unclosed-fence'],
    ],
  );
  assert.equal(result.errors, 2);
  assert.equal(result.warnings, 5);
  const lines = formatFindings(result);
  assert.equal(lines[0], 'bad.md:1: error: slide 1 is 32 lines tall; 22 fit at 80x24 (it would scroll)');
  assert.equal(lines[1], 'bad.md:38: error: slide 2 is empty: nothing to show');
  assert.match(lines[3], /^bad\.md:50: warning: unknown directive "colour" is read as a speaker note$/);
  assert.equal(lines[lines.length - 1], '5 slides checked at 80x24 (brief deck): 2 errors, 5 warnings');
  // A taller terminal fits the long slide.
  const tall = checkDeck(parseDeck(readFileSync(BAD, 'utf8'), 'bad.md'), md, { cols: 100, rows: 60 });
  assert.ok(!tall.findings.some((f) => f.code === 'overflow'));
});

test('missing notes: reported only in a deck that has notes (or when required), as one finding', () => {
  const slide = (n: number, notes = false) => `# Slide ${n}\n\ntext${notes ? '\n\n<!-- notes: said -->' : ''}`;
  const none = parseDeck([1, 2, 3, 4].map((n) => slide(n)).join('\n\n---\n\n'), 'none.md');
  assert.deepEqual(checkDeck(none, md).findings, [], 'a deck without notes: not a warning per slide');
  const required = checkDeck(none, md, undefined, { requireNotes: true });
  assert.deepEqual(
    required.findings.map((f) => [f.path, f.line, f.code, f.message, f.slide, f.slides]),
    [['none.md', 1, 'no-notes', 'slides 1–4 have no speaker notes', 1, [1, 2, 3, 4]]],
  );
  assert.equal(required.warnings, 1);
  const some = parseDeck(
    [1, 2, 3, 4, 5, 6, 7].map((n) => slide(n, n === 1 || n === 4)).join('\n\n---\n\n'),
    'some.md',
  );
  const found = checkDeck(some, md).findings;
  assert.equal(found.length, 1);
  assert.equal(found[0].message, 'slides 2–3, 5–7 have no speaker notes');
  assert.equal(found[0].slide, 2);
  assert.deepEqual(found[0].slides, [2, 3, 5, 6, 7]);
  const one = parseDeck([slide(1, true), slide(2)].join('\n\n---\n\n'), 'one.md');
  assert.deepEqual(
    checkDeck(one, md).findings.map((f) => [f.message, f.slides]),
    [['slide 2 has no speaker notes', undefined]],
  );
});

test('slideRanges: runs of slide numbers', () => {
  assert.equal(slideRanges([3]), '3');
  assert.equal(slideRanges([3, 5, 6, 7]), '3, 5–7');
  assert.equal(slideRanges([1, 2, 4, 6, 7, 9]), '1–2, 4, 6–7, 9');
});

test('the slide area follows the presenter layout: a classification banner takes rows', () => {
  const plain = parseDeck('# A');
  const banner = parseDeck('---\nclassification: UNCLASSIFIED\n---\n\n# A');
  assert.deepEqual(slideArea(plain, { cols: 80, rows: 24 }), { width: 76, height: 22 });
  assert.deepEqual(slideArea(banner, { cols: 80, rows: 24 }), { width: 76, height: 20 });
  assert.deepEqual(slideArea(plain, { cols: 100, rows: 30 }), { width: 96, height: 28 });
  const lines = Array.from({ length: 19 }, (_, i) => `- item ${i + 1}`).join('\n');
  assert.equal(checkDeck(parseDeck(`# T\n\n${lines}\n\n<!-- notes: x -->`), md).errors, 0);
  const classified = parseDeck(`---\nclassification: SECRET\n---\n\n# T\n\n${lines}\n\n<!-- notes: x -->`);
  assert.equal(checkDeck(classified, md).errors, 1);
});

test('note markers in code that show Markdown on purpose are not reported', () => {
  const deck = parseDeck('# A\n\n```markdown\n<!-- notes: example -->\nNote: example\n```\n\n<!-- notes: n -->');
  assert.deepEqual(checkDeck(deck, md).findings, []);
  const mistake = parseDeck('# A\n\n```js\nx()\nNote: oops\n```\n\n<!-- notes: n -->');
  assert.deepEqual(
    checkDeck(mistake, md).findings.map((f) => [f.line, f.code]),
    [[5, 'note-in-code']],
  );
});

test('known directives are not reported; Slidev and reveal-md comments are not read as notes', () => {
  const comments = '<!-- pause -->\n<!-- column_layout: [1, 2] -->\n<!-- fit -->';
  const deck = parseDeck(`# A\n\n${comments}\n\nx\n\n<!-- notes: n -->`, 'a.md');
  assert.deepEqual(checkDeck(deck, md).findings, []);
  const slidev = parseDeck('---\nlayout: cover\n---\n\n# A\n\n<!-- todo -->\n<!-- the note -->');
  assert.deepEqual(checkDeck(slidev, md).findings, []);
});

test('a deck that mixes <!-- end_slide --> and --- lines: check warns that the --- lines are rules', () => {
  const text = '# A\n\ntext\n\n---\n\nmore\n\n<!-- end_slide -->\n\n# B\n\n---\n\nx\n\n```\n---\n```\n\nTitle\n---\n';
  const mixed = checkDeck(parseDeck(text, 'mixed.md'), md).findings.filter((f) => f.code === 'mixed-separators');
  assert.deepEqual(
    mixed.map((f) => [f.path, f.line, f.severity]),
    [['mixed.md', 5, 'warning']],
  );
  assert.match(mixed[0].message, /^2 lines `---` are drawn as rules because the deck uses `<!-- end_slide -->`; use `--dialect brief` to split at both/);
  // --dialect brief splits at both, and there is nothing to warn about.
  const brief = parseFiles([{ path: 'mixed.md', text }], { dialect: 'brief' });
  assert.deepEqual(brief.slides.map((s) => s.title), ['A', 'more', 'B', 'Title']);
  assert.ok(!checkDeck(brief, md).findings.some((f) => f.code === 'mixed-separators'));
  // A deck that uses only one of them is not warned.
  assert.ok(!parseDeck('# A\n\n---\n\n# B').diagnostics!.length);
  assert.ok(!parseDeck('# A\n\n<!-- end_slide -->\n\n# B').diagnostics!.length);
});

test('parseSize: COLSxROWS, no smaller than the presenter needs', () => {
  assert.deepEqual(parseSize('80x24'), { cols: 80, rows: 24 });
  assert.deepEqual(parseSize('120X40'), { cols: 120, rows: 40 });
  for (const bad of ['', '80', '80x', 'x24', '80*24', '39x24', '80x11', '-80x24', '80x24x1', '1e3x24']) {
    assert.equal(parseSize(bad), null, bad);
  }
});

test('CLI: check on a good deck exits 0', () => {
  const r = run(['check', GOOD]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, '3 slides checked at 80x24 (brief deck): no problems found\n');
});

test('CLI: check on a bad deck prints path:line: severity: message and exits 1', () => {
  const r = run(['check', BAD]);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 8);
  for (const line of lines.slice(0, -1)) assert.match(line, /^.+bad\.md:\d+: (error|warning): .+$/);
  assert.match(lines[0], /bad\.md:1: error: slide 1 is 32 lines tall/);
  assert.equal(lines[7], '5 slides checked at 80x24 (brief deck): 2 errors, 5 warnings');
  // Warnings alone do not fail the check.
  const tall = run(['check', '--size', '100x60', GOOD]);
  assert.equal(tall.code, 0);
});

test('CLI: check --json is valid JSON for CI', () => {
  const r = run(['check', '--json', '--size=100x30', BAD]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.size, { cols: 100, rows: 30 });
  assert.equal(out.dialect, 'brief');
  assert.equal(out.errors, 2);
  assert.equal(out.findings[0].severity, 'error');
  assert.equal(out.findings[0].code, 'overflow');
  assert.equal(out.findings[0].line, 1);
  assert.equal(out.findings[0].slide, 1);
  assert.equal(JSON.parse(run(['check', '--json', GOOD]).stdout).findings.length, 0);
});

test('CLI: a Slidev import that cannot be read is an error with file and line, and a placeholder slide', () => {
  const deck = fileURLToPath(new URL('../fixtures/slidev-import/slides.md', import.meta.url));
  const r = run(['check', deck]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stdout,
    /slides\.md:35: error: Slidev import \.\/pages\/missing\.md: no such file or folder; a placeholder slide stands in for it\n/,
  );
  assert.match(r.stdout, /loop\.md:4: warning: Slidev import \.\/loop\.md leads back to/);
  // Presenting (here: piped) shows the imported slides and the placeholder naming the missing file.
  const shown = run([deck]);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /Table of Contents, again/);
  assert.match(shown.stdout, /Missing slides[\s\S]*pages\/missing\.md/);
});

test('CLI: check with no deck checks the bundled briefing, which fits 80x24', () => {
  const r = run(['check']);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /checked at 80x24 \(brief deck\): no problems found\n$/);
});

test('CLI: a deck that never uses notes gets no notes warnings, unless --require-notes', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-check-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'talk.md');
  const slides = Array.from({ length: 10 }, (_, i) => `# Slide ${i + 1}\n\ntext`);
  writeFileSync(deck, slides.join('\n\n---\n\n') + '\n');
  const r = run(['check', deck]);
  assert.equal(r.stdout, '10 slides checked at 80x24 (brief deck): no problems found\n');
  const required = run(['check', '--require-notes', deck]);
  assert.equal(
    required.stdout,
    `${deck}:1: warning: slides 1–10 have no speaker notes\n` +
      '10 slides checked at 80x24 (brief deck): 0 errors, 1 warning\n',
  );
  assert.equal(required.code, 0, 'warnings alone pass');
  const json = JSON.parse(run(['check', '--json', '--require-notes', deck]).stdout);
  assert.deepEqual(json.findings.map((f: { code: string; slides: number[] }) => [f.code, f.slides]), [
    ['no-notes', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ]);
  assertOneLineError(run(['--require-notes', deck]), 2, /--require-notes does not apply when presenting/);
});

test('CLI: check honours --dialect', { skip: corpusSkip }, () => {
  const corpus = fileURLToPath(new URL('../../../shared/corpus/reveal-md/demo__b.md', import.meta.url));
  assert.match(run(['check', corpus]).stdout, /\(brief deck\)/);
  assert.match(run(['check', '--dialect', 'reveal-md', corpus]).stdout, /\(reveal-md deck\)/);
  assert.equal(JSON.parse(run(['--json', '--dialect', 'slides', corpus]).stdout).dialect, 'slides');
});

test('CLI: a bad --size, a bad --dialect or an unreadable deck is one line and exit 2', () => {
  for (const [args, pattern] of [
    [['check', '--size', '20x5', GOOD], /--size takes COLSxROWS of at least 40x12 \(e\.g\. 80x24\), not "20x5"/],
    [['check', '--size', 'big', GOOD], /--size takes COLSxROWS/],
    [['check', '--size'], /--size needs a COLSxROWS/],
    [['--size', '80x24', GOOD], /--size does not apply when presenting/],
    [['check', '--dialect', 'keynote', GOOD], /--dialect takes brief, presenterm, marp, slidev, reveal-md, slides/],
    [['check', '/nonexistent/deck.md'], /deck\.md: no such file or folder/],
  ] as [string[], RegExp][]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^brief-present: [^\n]+\n$/);
    assert.match(r.stderr, pattern);
  }
});

test('CLI: --help lists check, --dialect and --size from the tables', () => {
  const r = run(['--help']);
  assert.match(r.stdout, /brief-present check \[DECK\] +report slides that overflow/);
  assert.match(r.stdout, /--dialect NAME +read DECK as written for NAME/);
  assert.match(r.stdout, /--size COLSxROWS +check: the terminal size/);
  assert.match(r.stdout, /--require-notes +check: report slides without speaker notes even when no slide has any/);
});

test('CLI: check --timings flags each section a rehearsal ran over its budget, with the figures', (t) => {
  const deckPath = fileURLToPath(new URL('../fixtures/rehearse.md', import.meta.url));
  const deck = parseDeck(readFileSync(deckPath, 'utf8'), deckPath);
  const dir = mkdtempSync(join(tmpdir(), 'bp-check-timings-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'talk.timings.json');
  // Opening (1 min): 75 s; Middle (1 min): 60.4 s, on time to the second; Closing (1 min): 95 s.
  writeFileSync(file, timingsText(timingsOf(deck, [5000, 40_000, 30_000, 60_400, 95_000], new Date('2026-03-01T10:00:00Z'))));
  const r = run(['check', '--timings', file, deckPath]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  assert.deepEqual(r.stdout.trimEnd().split('\n'), [
    `${deckPath}:1: error: section "Opening" took 1:15 in the rehearsal of 2026-03-01, over its budget of 1:00 by 0:15`,
    `${deckPath}:28: error: section "Closing" took 1:35 in the rehearsal of 2026-03-01, over its budget of 1:00 by 0:35`,
    '5 slides checked at 80x24 (brief deck): 2 errors, 0 warnings',
  ]);
  const json = JSON.parse(run(['check', '--json', '--timings', file, deckPath]).stdout);
  assert.deepEqual(json.findings.map((f: { code: string; slide: number }) => [f.code, f.slide]), [['over-budget', 1], ['over-budget', 5]]);

  writeFileSync(file, timingsText(timingsOf(deck, [0, 10_000], new Date(0))));
  assert.equal(run(['check', '--timings', file, deckPath]).code, 0);

  for (const [text, pattern] of [
    [undefined, /missing\.json: cannot read timings: no such file or folder/],
    ['{"version": 1}', /talk\.timings\.json: not a brief-present timings file \(no "deck"/],
  ] as const) {
    const target = text === undefined ? join(dir, 'missing.json') : file;
    if (text !== undefined) writeFileSync(file, text);
    assertOneLineError(run(['check', '--timings', target, deckPath]), 2, pattern);
  }
});
