// Decks and surroundings meant to break brief-present. Each gets one clear
// line on stderr or a correct render: never a stack trace, never a hang.
// CLI cases run the built CLI (`npm test` builds it first); render cases
// call the pure renderer. See also cli.test.ts (missing path, empty folder,
// binary file, empty file, bad YAML), deck.test.ts (CRLF and BOM, control
// characters) and e2e.test.ts (control sequences while presenting).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayWidth } from '../../src/render/ansi.js';
import stripAnsi from 'strip-ansi';
import { parseDeck, parseFiles } from '../../src/deck/parse.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { limitNesting } from '../../src/render/nesting.js';
import { buildReadingDocument } from '../../src/render/reading.js';
import { renderNotesLines, renderSlideLines } from '../../src/render/slide.js';
import { codeLanguage, highlightCode } from '../../src/render/syntax.js';
import { makeTheme } from '../../src/render/theme.js';
import { wrapLine } from '../../src/render/wrap.js';
import { tableDeck } from '../../bench/deck.js';
import { spawnTerm, type Term } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bp-hostile-'));
// Presenters on the same deck link up through a socket here: keep ours apart.
const runtime = mkdtempSync(join(tmpdir(), 'bp-hostile-run-'));
after(() => {
  for (const d of [dir, runtime]) rmSync(d, { recursive: true, force: true });
});
const mdPlain = createMarkdownRenderer(makeTheme(0));
const mdColor = createMarkdownRenderer(makeTheme(3));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(args: string[], env: Record<string, string | undefined> = {}, timeout = 20_000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [...(env.PRELOAD ? ['--import', env.PRELOAD] : []), CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, XDG_RUNTIME_DIR: runtime, ...env },
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started, error: r.error };
}

function assertOneLineError(r: ReturnType<typeof run>, code: number, pattern: RegExp) {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^brief-present: [^\n]+\n$/, `one line: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\bat \S+:\d+:\d+|\n\s+at /, 'no stack trace');
  assertNoControls(r.stderr, 'stderr');
}

/** No C0 (but newline), DEL or C1 character: nothing that can drive a terminal. */
function assertNoControls(text: string, what: string) {
  const m = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  assert.equal(m, null, `${what}: control character U+${m?.[0].charCodeAt(0).toString(16)} at ${m?.index}`);
}

function assertFits(lines: string[], width: number, what: string) {
  for (const line of lines) {
    const w = displayWidth(line);
    assert.ok(w <= width, `${what}: a line ${w} wide > ${width}: ${JSON.stringify(stripAnsi(line).slice(0, 120))}`);
  }
}

const SEGMENTER = new Intl.Segmenter();
const graphemes = (s: string) => [...SEGMENTER.segment(s)].map((g) => g.segment);

test('paths that are not decks: a device, folders named .md, a link loop, control characters in the name', () => {
  assertOneLineError(run(['/dev/null']), 2, /\/dev\/null: not a regular file/);
  const onlyFolders = join(dir, 'only-folders');
  mkdirSync(join(onlyFolders, 'sub.md'), { recursive: true });
  assertOneLineError(run([onlyFolders]), 2, /only-folders: no Markdown \(\.md\) files/);
  const mixed = join(dir, 'mixed');
  mkdirSync(join(mixed, '1-folder.md'), { recursive: true });
  writeFileSync(join(mixed, '2-real.md'), '# Real\n\ntext');
  const ok = run(['--json', mixed]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(
    JSON.parse(ok.stdout).slides.map((s: { title: string }) => s.title),
    ['Real'],
  );
  const loop = join(dir, 'loop.md');
  symlinkSync(loop, loop);
  assertOneLineError(run([loop]), 2, /loop\.md: too many symbolic links/);
  // A name that would retitle the terminal if printed as it is.
  assertOneLineError(run([join(dir, 'x\u001b]0;pwned\u0007.md')]), 2, /x␛\]0;pwned␇\.md: no such file or folder/);
  assertOneLineError(run(['']), 2, /no such file or folder/);
});

test('a deck of only separators, directives or front matter has no slides: one line', () => {
  assertOneLineError(run([file('rules.md', '---\n\n---\n\n---\n')]), 2, /rules\.md: no slides found/);
  assertOneLineError(run([file('dashes.md', '---\n---\n---\n---\n')]), 2, /dashes\.md: no slides found/);
  assertOneLineError(run([file('directives.md', '<!-- pause -->\n<!-- end_slide -->\n<!-- jump_to_middle -->\n')]), 2, /no slides/);
  assertOneLineError(run([file('fm.md', '---\nauthor: Ann\n---\n\n---\n')]), 2, /fm\.md: no slides found/);
  assertOneLineError(run([file('blank.md', '\n\n   \n\t\n')]), 2, /blank\.md: the deck is empty/);
  assertOneLineError(run([file('bom.md', '\uFEFF')]), 2, /bom\.md: the deck is empty/);
});

test('invalid UTF-8 shows replacement characters; UTF-16 is refused as binary', () => {
  const bytes = Buffer.concat([
    Buffer.from('# Caf'),
    Buffer.from([0xe9]), // Latin-1 é
    Buffer.from(' menu\n\n- surrogate '),
    Buffer.from([0xed, 0xa0, 0x80]), // an encoded UTF-16 surrogate
    Buffer.from(' and truncated '),
    Buffer.from([0xe2, 0x82]),
    Buffer.from('\n- overlong '),
    Buffer.from([0xc0, 0xaf, 0xff, 0xfe]),
    Buffer.from('\n'),
  ]);
  const path = file('latin1.md', bytes);
  const piped = run([path]);
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(piped.stderr, '');
  assert.match(piped.stdout, /Caf\uFFFD menu/);
  assert.match(piped.stdout, /surrogate \uFFFD+ and truncated \uFFFD/);
  assertNoControls(piped.stdout.replace(/\n/g, ''), 'piped');
  const json = JSON.parse(run(['--json', path]).stdout);
  assert.equal(json.slides[0].title, 'Caf\uFFFD menu');

  const utf16 = file('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n', 'utf16le')]));
  assertOneLineError(run([utf16]), 2, /utf16\.md: not a text file/);
});

test('a 50 MB deck is refused at once, in bounded time and memory', { skip: process.platform !== 'linux' }, () => {
  const slide = '## A slide\n\n- a point with **bold** text and `code`\n- another point\n\n---\n\n';
  const big = file('big.md', slide.repeat(Math.ceil((50 * 1024 * 1024) / slide.length)));
  // Peak memory of the CLI, written by a preload when it exits.
  const hwm = join(dir, 'hwm.txt');
  const preload = file(
    'hwm.mjs',
    "import { readFileSync, writeFileSync } from 'node:fs';\n" +
      'process.on(\'exit\', () => writeFileSync(process.env.HWM_FILE, /VmHWM:\\s+(\\d+)/.exec(readFileSync(\'/proc/self/status\', \'utf8\'))[1]));\n',
  );
  for (const args of [[big], ['--json', big]]) {
    const r = run(args, { PRELOAD: preload, HWM_FILE: hwm });
    assertOneLineError(r, 2, /big\.md: too large to present \(50\.0 MB; the limit is 32\.0 MB\)/);
    assert.ok(r.ms < 5_000, `refused in ${r.ms} ms`);
    const mb = Number(readFileSync(hwm, 'utf8')) / 1024;
    assert.ok(mb < 150, `peak memory ${mb.toFixed(0)} MB`);
  }
});

test('malformed front matter: one line naming the file and the line', () => {
  const cases: [name: string, yaml: string, line: number | [number, number]][] = [
    ['duplicate', 'title: A\ntitle: B', 3],
    ['tab', 'title: A\n\tauthor: B', 3],
    ['quote', 'title: A\nauthor: "unterminated\ndate: x', [3, 4]],
    ['flow', 'title: [a, b\nauthor: c', [2, 3]],
    ['indent', 'title: a\nauthor: b\n  bad: c', [2, 4]],
    // A "billion laughs": refused, not expanded.
    [
      'aliases',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n' +
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n' +
        'title: laughs',
      [2, 8],
    ],
  ];
  for (const [name, yaml, line] of cases) {
    const r = run([file(`fm-${name}.md`, `---\n${yaml}\n---\n\n# Slide\n`)]);
    assertOneLineError(r, 2, new RegExp(`fm-${name}\\.md:\\d+: front matter is not valid YAML`));
    const at = Number(/\.md:(\d+):/.exec(r.stderr)![1]);
    if (typeof line === 'number') assert.equal(at, line, `${name}: ${r.stderr}`);
    else assert.ok(at >= line[0] && at <= line[1], `${name}: line ${at} in ${line}: ${r.stderr}`);
    assert.ok(r.ms < 10_000, `${name}: ${r.ms} ms`);
  }
});

test('lines that made the parser backtrack read in linear time, in every dialect', { timeout: 120_000 }, () => {
  // Each took seconds to hours: a heading of `#` and spaces before a line
  // separator, a fence of backticks before one, brackets and angle brackets in
  // a title, a headingDivider comment without its end, a section name of spaces.
  const n = 200_000;
  const shapes = [
    `# ${' \t'.repeat(n / 2)}#\u2028`,
    `${'#'.repeat(6)} ${'# '.repeat(n / 2)}\u2028x`,
    `${'`'.repeat(n)}\u2028`,
    `${'~'.repeat(n)}\u2028`,
    `# ${'['.repeat(n)}`,
    `# ${'!['.repeat(n / 2)}`,
    `# ${'<'.repeat(n)}`,
    `# ${'[a]('.repeat(n / 4)}`,
    `<!-- headingDivider: ${' '.repeat(n)}`,
    `<!--${' headingDivider'.repeat(n / 15)}`,
    `<!-- section: a${' '.repeat(n)}, -->`,
  ];
  for (const shape of shapes) {
    for (const dialect of [undefined, 'marp', 'patat', 'reveal-md'] as const) {
      const started = performance.now();
      parseFiles([{ path: 'x.md', text: `# T\n\n${shape}\n\nend\n` }], { dialect });
      const ms = performance.now() - started;
      assert.ok(ms < 3000, `${JSON.stringify(shape.slice(0, 24))}… (${dialect ?? 'brief'}): ${Math.round(ms)} ms`);
    }
  }
});

test('an unclosed code fence runs to the end of the deck and is drawn as code', () => {
  const path = file('fence.md', '# A\n\n```js\nlet x = 1;\n\n---\n\n# B\n');
  const json = run(['--json', path]);
  assert.equal(json.code, 0, json.stderr);
  const deck = JSON.parse(json.stdout);
  assert.equal(deck.slides.length, 1, 'the separator inside the fence is code');
  const piped = run([path]);
  assert.equal(piped.code, 0);
  assert.match(piped.stdout, /^ {2}let x = 1;$/m);
  assert.match(piped.stdout, /^ {2}# B$/m);
  const colour = run([path], { FORCE_COLOR: '1' });
  assert.equal(colour.code, 0);
  assert.equal(colour.stderr, '');
});

test('CRLF, lone CR and a byte-order mark read as plain LF', () => {
  const lf = '---\ntitle: Line endings\n---\n\n# A\n\n- one\n- two\n\n<!-- notes: said -->\n\n---\n\n# B\n\ntext\n';
  const outputs = [lf, '\uFEFF' + lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')].map((text, i) => {
    const path = file(`eol-${i}.md`, text);
    const piped = run([path]);
    assert.equal(piped.code, 0, piped.stderr);
    assert.doesNotMatch(piped.stdout, /\r|\uFEFF/);
    const json = JSON.parse(run(['--json', path]).stdout);
    for (const s of json.slides) s.source.path = 'deck.md';
    return { piped: piped.stdout.replaceAll(path, 'deck.md'), json };
  });
  assert.equal(outputs[0].json.title, 'Line endings');
  assert.deepEqual(outputs[1], outputs[0]);
  assert.deepEqual(outputs[2], outputs[0]);
});

test('deep nesting renders at once and fits: 1,000-deep lists and quotes', () => {
  const list = Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + `- level ${i + 1}`).join('\n');
  const quotes = Array.from({ length: 1000 }, (_, i) => '>'.repeat(i + 1) + ' quoted').join('\n');
  const mixed = '> - '.repeat(1000) + 'inside';
  const tabs = Array.from({ length: 300 }, (_, i) => '\t'.repeat(i) + `- tab ${i}`).join('\n');
  for (const [name, text] of Object.entries({ list, quotes, mixed, tabs, oneLine: '>'.repeat(5000) + ' deep' })) {
    const deck = parseDeck(text);
    for (const [md, width] of [
      [mdPlain, 20],
      [mdColor, 80],
    ] as const) {
      const started = Date.now();
      const lines = renderSlideLines(deck.slides[0], width, md);
      const ms = Date.now() - started;
      assert.ok(ms < 3_000, `${name} at ${width}: ${ms} ms`);
      assertFits(lines, width, name);
      assert.ok(lines.length > 0);
    }
  }
  // Shallow nesting is drawn as written.
  const shallow = '- a\n  - b\n    - c\n> > quoted\n```\n' + '>'.repeat(40) + '\n```';
  assert.equal(limitNesting(shallow), shallow);
  assert.match(mdPlain(list, 80).at(-1)!, /^ +• level 1000$/);
  // Deeper levels are drawn at the deepest kept level, in order.
  const text = mdPlain(list, 80).map((l) => l.trim());
  assert.deepEqual(text.slice(0, 3), ['• level 1', '• level 2', '• level 3']);
  assert.equal(text.length, 1000);
});

test('input that makes marked give up is shown as written, not an error', () => {
  for (const text of ['*'.repeat(10_000) + 'x' + '*'.repeat(10_000), '_'.repeat(10_000) + 'x' + '_'.repeat(10_000)]) {
    const lines = mdColor(text, 60);
    assertFits(lines, 60, 'emphasis run');
    assert.equal(lines.join('').replace(/\s/g, ''), text);
  }
});

test('a 10,000-character line with no spaces wraps at every width and loses nothing', () => {
  const word = Array.from({ length: 10_000 }, (_, i) => 'abcdefghij'[i % 10]).join('');
  for (const width of [10, 37, 80, 110]) {
    for (const md of [mdPlain, mdColor]) {
      const lines = md(word, width);
      assertFits(lines, width, `paragraph@${width}`);
      assert.ok(lines.map(stripAnsi).join('') === word, `paragraph@${width} loses text`);
      const item = md(`- ${word}`, width);
      assertFits(item, width, `list item@${width}`);
      assert.ok(item.map((l) => stripAnsi(l).trim()).join('') === `• ${word}`, `list item@${width} loses text`);
      assertFits(md(`# ${word}`, width), width, `heading@${width}`);
      assertFits(md(`> ${word}`, width), width, `quote@${width}`);
      assertFits(md(`| a | b |\n|---|---|\n| ${word} | x |`, width), width, `table@${width}`);
      assertFits(md('```\n' + word + '\n```', width), width, `code@${width}`);
    }
  }
  const piped = run([file('long.md', `# Long\n\n${word}\n`)]);
  assert.equal(piped.code, 0);
  assert.ok(piped.stdout.replace(/\n/g, '').includes(word));
});

const SCRIPTS: Record<string, string> = {
  khmer: 'ព្រះរាជាណាចក្រកម្ពុជា ជាតិ សាសនា ព្រះមហាក្សត្រ ស្រុកខ្មែរ ភាសាខ្មែរ',
  khmerRun: 'ស្រុកខ្មែរ'.repeat(12),
  cjk: '漢字かな交じり文は日本語の表記に使われる。中文汉字與한국어도 섞여 있습니다',
  emoji: '👨‍👩‍👧‍👦 🇰🇭🇺🇸👍🏽 ❤️‍🔥🧑‍💻#️⃣ family flags keycaps 🏳️‍🌈🏴‍☠️',
  combining: 'e\u0301'.repeat(6) + ' ' + 'a\u0308\u0323'.repeat(6) + ' ' + 'Z\u0336\u0335\u0334'.repeat(5),
  hangulJamo: '\u1100\u1161\u11a8'.repeat(10),
  mixed: 'Phnom Penh ភ្នំពេញ 金边 프놈펜 🇰🇭 Pnom Penh',
};

test('Khmer, CJK, emoji and combining marks wrap by display width, never inside a grapheme cluster', () => {
  for (const [name, text] of Object.entries(SCRIPTS)) {
    const widest = Math.max(...graphemes(text).map((g) => displayWidth(g)));
    for (let width = 1; width <= 40; width++) {
      const lines = wrapLine(text, width);
      assertFits(lines, Math.max(width, widest), `${name}@${width}`);
      // Joined again (spaces at breaks are dropped), the pieces are the text,
      // and every piece is made of whole clusters of it.
      assert.equal(lines.join('').replace(/ /g, ''), text.replace(/ /g, ''), `${name}@${width}`);
      const pieces = lines.flatMap((l) => graphemes(l.replace(/ /g, '')));
      assert.deepEqual(pieces, graphemes(text.replace(/ /g, '')), `${name}@${width}: a cluster was split`);
    }
    for (const width of [10, 20, 40]) {
      for (const md of [mdPlain, mdColor]) {
        const lines = md(`- **${name}**: ${text}\n\n${text}`, width);
        assertFits(lines, Math.max(width, widest), `${name} rendered@${width}`);
        const plain = lines.map((l) => stripAnsi(l).replace(/^ *(• )?/, '')).join('');
        assert.ok(plain.replace(/ /g, '').includes(text.replace(/ /g, '')), `${name} rendered@${width}`);
      }
    }
  }
  // Styles are closed at the end of every row and opened again on the next.
  const styled = wrapLine(`\u001b[1m${'bold '.repeat(20)}\u001b[22m`, 12);
  for (const row of styled.slice(0, -1)) assert.match(row, /^\u001b\[1m.*\u001b\[22m$/);
});

/** A deck with terminal control sequences in every place text can come from. */
function hostileDeck(): string {
  const ESC = '\u001b';
  const BEL = '\u0007';
  const osc52 = `${ESC}]52;c;cHduZWQ=${BEL}`;
  const osc8 = `${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`;
  const csi = `${ESC}[2J${ESC}[H${ESC}[?1049l`;
  const c1 = '\u009b31m\u009d0;c1 title\u009c\u0090dcs\u009c';
  return [
    '---',
    `title: "Evil \\e]0;yaml title\\a deck"`,
    `subtitle: raw ${osc52} subtitle`,
    `author: "\\x9b2J author"`,
    `date: "\\u001b[5m blink"`,
    `classification: SECRET ${csi} ${BEL}`,
    '---',
    '',
    `<!-- section: Section ${osc52} name -->`,
    '',
    `# Heading ${ESC}]0;retitled${BEL} ${c1}`,
    '',
    `Paragraph with ${osc8} and ${csi} and ${ESC}P1$qdcs${ESC}\\ and ${ESC}_apc${ESC}\\.`,
    '',
    `- item ${osc52}`,
    `- [link ${osc52}](https://e.org/${ESC}]0;x${BEL}) ![alt ${BEL}](x.png)`,
    '',
    `| head ${ESC}[31m | b |`,
    '|---|---|',
    `| cell ${osc8} | ${c1} |`,
    '',
    '```ts',
    `const s = "${ESC}]52;c;Y29kZQ==${BEL}"; // ${csi}`,
    '```',
    '',
    '```mermaid',
    `graph ${ESC}[31m`,
    '```',
    '',
    `<div>html ${osc52}</div>`,
    '',
    `<!-- notes: note ${osc52} ${csi} -->`,
    '',
    '---',
    '',
    `## Second \`${ESC}]0;code span${BEL}\``,
    '',
    `> quote ${c1}`,
    '',
    `Note: ${ESC}]0;notes line${BEL} ${osc8}`,
  ].join('\n');
}

test('control sequences in a deck never reach the output: piped, FORCE_COLOR, --json, export', () => {
  const deckDir = join(dir, 'hostile-folder');
  mkdirSync(deckDir);
  writeFileSync(join(deckDir, '1-hostile.md'), hostileDeck());
  writeFileSync(join(deckDir, '2-more.md'), `---\nsection: "From \\e]0;front matter\\a"\n---\n\n## Another \u001b]52;c;eA==\u0007\n`);
  for (const deck of [join(deckDir, '1-hostile.md'), deckDir]) {
    const piped = run([deck]);
    assert.equal(piped.code, 0, piped.stderr);
    assert.equal(piped.stderr, '');
    assertNoControls(piped.stdout.replace(/\n/g, ''), 'piped text');
    assert.match(piped.stdout, /␛\]52;c;cHduZWQ=␇/);
    const colour = run([deck], { FORCE_COLOR: '3' });
    assert.equal(colour.code, 0);
    assertNoControls(colour.stdout.replace(/\u001b\[[0-9;]*m/g, '').replace(/\n/g, ''), 'coloured text without SGR');
    const json = run(['--json', deck]);
    assert.equal(json.code, 0);
    assertNoControls(JSON.stringify(JSON.parse(json.stdout)), '--json values');
    assert.doesNotMatch(json.stdout, /\\u00(1b|07|9b|9d|90)/i, '--json escapes');
    const exported = run(['export', '--format', 'txt', deck]);
    if (exported.code === 0) assertNoControls(exported.stdout.replace(/\n/g, ''), 'export');
  }
});

test('JSON output escapes DEL and C1 controls: a deck path with them stays exact and inert', () => {
  const deckDir = join(dir, 'path\u0085\u009b2J\u007f\u0090');
  mkdirSync(deckDir);
  const deck = join(deckDir, 'talk.md');
  writeFileSync(deck, '# One\n\ntext\n');
  for (const args of [['check', '--json', deck], ['check', '--json', deckDir], ['--json', deck]]) {
    const r = run(args);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/, `${args.join(' ')}: raw controls`);
    const out = JSON.parse(r.stdout);
    if (args[0] === 'check') assert.equal(out.deck, args[2]);
  }
  assert.match(run(['check', '--json', deck]).stdout, /path\\u0085\\u009b2J\\u007f\\u0090/);
});

test('code fences: highlighted with colour, plain without, odd languages never logged', () => {
  // (mermaid is drawn as a diagram, or shown as source with a note: test/render/mermaid-*.test.ts)
  const languages = ['ts', 'TypeScript', 'rust +exec', 'js {1,3}', '{.python}', '__proto__', 'constructor'];
  const odd = ['../../../etc/passwd', 'x'.repeat(5000), 'hasOwnProperty', ''];
  const logged: unknown[] = [];
  const saved = { error: console.error, warn: console.warn, log: console.log };
  console.error = console.warn = console.log = (...args: unknown[]) => logged.push(args);
  try {
    for (const lang of [...languages, ...odd]) {
      const md = '```' + lang + '\nconst x: number = 1; // <b>&amp;</b>\n```';
      const plain = mdPlain(md, 60);
      assert.deepEqual(plain, ['  const x: number = 1; // <b>&amp;</b>'], `no colour: ${lang.slice(0, 20)}`);
      const coloured = mdColor(md, 60);
      assert.equal(stripAnsi(coloured.join('\n')), plain.join('\n'), `same text: ${lang.slice(0, 20)}`);
    }
  } finally {
    Object.assign(console, saved);
  }
  assert.deepEqual(logged, []);
  assert.equal(codeLanguage('rust +exec'), 'rust');
  assert.equal(codeLanguage('JS'), 'javascript');
  assert.equal(codeLanguage('../../../etc/passwd'), undefined);
  assert.equal(codeLanguage('__proto__'), undefined);
  assert.equal(highlightCode('x', 'mermaid', {}), undefined);
  // Known languages get their keywords coloured; HTML highlights the script inside it.
  const keyword = makeTheme(3).syntax.keyword;
  assert.ok(mdColor('```ts\nconst x = 1;\n```', 60)[0].includes(keyword('const')));
  assert.ok(mdColor('```html\n<script>let y = 2;</script>\n```', 60)[0].includes(keyword('let')));
  // The bundle highlights the same way, and its emoji table still loads.
  const deck = file('code.md', '# Code :rocket:\n\n```ts\nconst x = 1;\n```\n\n```mermaid\ngraph\n```\n');
  const colour = run([deck], { FORCE_COLOR: '1' });
  assert.equal(colour.stderr, '');
  assert.match(colour.stdout, /\u001b\[34mconst\u001b\[39m/);
  assert.match(colour.stdout, /Code 🚀/);
  assert.doesNotMatch(run([deck], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout, /\u001b/);
});

// --- Presenting: the same hostile deck in a terminal ---------------------------

function present(args: string[], env: Record<string, string> = {}): Term {
  return spawnTerm(process.execPath, [CLI, ...args], { cols: 100, rows: 30, env: { XDG_RUNTIME_DIR: runtime, ...env } });
}

/** Press `key` until the screen matches (a tall slide takes a key per page). */
async function pressUntil(term: Term, key: string, match: RegExp, times = 10) {
  for (let i = 0; i < times && !match.test(term.screen()); i++) {
    const before = term.screen();
    term.write(key);
    await term.waitFor((s) => s !== before || match.test(s));
  }
  await term.waitFor(match);
}

/**
 * Everything the program wrote is text or a CSI sequence: no OSC, DCS, APC, BEL
 * or C1, but for its own one question to the terminal (its background colour).
 */
function assertOnlyCsi(raw: string) {
  const rest = raw.replace('\u001b]11;?\u001b\\', '').replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '');
  const m = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(rest);
  assert.equal(m, null, `control U+${m?.[0].charCodeAt(0).toString(16)} near ${JSON.stringify(rest.slice(Math.max(0, (m?.index ?? 0) - 30), (m?.index ?? 0) + 30))}`);
}

test('presenting the hostile deck: only our own CSI sequences reach the terminal', async (t) => {
  const path = file('present-hostile.md', hostileDeck());
  const term = present([path]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 3/);
  assert.match(term.screen(), /SECRET ␛\[2J␛\[H␛\[\?1049l ␇/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 3/);
  term.write('o');
  await term.waitFor(/note ␛\]52;c;cHduZWQ=␇/);
  await pressUntil(term, 'l', /slide 3 \/ 3/); // a tall slide scrolls first
  await term.waitFor(/notes line/);
  term.write('o');
  await term.waitFor((s) => !/notes line/.test(s));
  term.write('s');
  await term.waitFor(/Sections[\s\S]*Section ␛\]52;c;cHduZWQ=␇ name/);
  // Esc alone: wait for it to act, or Esc and the next key read as Alt+key.
  term.write('\u001b');
  await term.waitFor((s) => !/Sections/.test(s));
  term.write('i');
  await term.waitFor(/Heading ␛\]0;retitled␇/);
  term.write('\u001b');
  await term.waitFor((s) => !/Heading ␛/.test(s));
  term.write('p');
  await term.waitFor(/notes line/);
  term.write('p');
  await term.waitFor((s) => !/notes line/.test(s));
  term.write('r'); // the reading view: every slide, one after another
  await term.waitFor(/── 3\/3 ─/);
  term.write('r');
  await term.waitFor((s) => !/── 3\/3 ─/.test(s));
  term.write('?');
  await term.waitFor(/Keys|keys/);
  term.write('\u001b');
  await term.waitFor((s) => !/Keys/.test(s));
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
  const raw = term.output();
  assertOnlyCsi(raw);
  assert.doesNotMatch(raw, /Could not find the language/, 'highlight.js said nothing');
});

test('control characters pasted into the search prompt or the index filter never reach the terminal', async (t) => {
  const term = present([file('paste.md', '# One\n\ntext\n\n---\n\n# Two\n\nmore\n')]);
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 2/);
  // C1 controls (CSI, NEL, OSC, ST) pasted as one chunk, with text around them.
  const paste = 'x\u009b2J\u0085\u009d0;t\u009cy';
  term.write('/');
  await term.waitFor(/^\/▏/m);
  term.write(paste);
  await term.waitFor(/^\/x2J0;ty▏/m);
  term.write('\r');
  await term.waitFor(/no match for "x2J0;ty"/);
  term.write('i');
  await term.waitFor(/filter: ▏/);
  term.write(paste);
  await term.waitFor(/filter: x2J0;ty▏/);
  term.write('\u001b');
  await term.waitFor((s) => !/filter:/.test(s));
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
  assertOnlyCsi(term.output());
});

test('DEV=true in the environment (Ink devtools) does not stop the presenter', async (t) => {
  const term = present([file('dev.md', '# Dev\n\n---\n\n# Two\n')], { DEV: 'true' });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 2/);
  term.write('l');
  await term.waitFor(/slide 2 \/ 2/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('notes and slides with every hostile part render within the width', () => {
  const deck = parseDeck(hostileDeck());
  const md = createMarkdownRenderer(makeTheme(2));
  for (const slide of deck.slides) {
    for (const width of [10, 33, 80]) {
      const lines = renderSlideLines(slide, width, md);
      assertFits(lines, width, `slide ${slide.index}@${width}`);
      assertNoControls(lines.join('').replace(/\u001b\[[0-9;]*m/g, ''), `slide ${slide.index}`);
      const notes = renderNotesLines(slide.notes, width, md, makeTheme(2));
      assertNoControls(notes.join('').replace(/\u001b\[[0-9;]*m/g, ''), `notes ${slide.index}`);
    }
  }
});

test('Slidev imports that fan out, nest or loop stop quickly, with a warning', () => {
  // Every file imports ten others, each importing ten more: unbounded, that is 10^8 files deep down.
  const fan = (n: number) => Array.from({ length: 10 }, (_, i) => `---\nsrc: ./f${n + 1}-${i}.md\n---\n`).join('\n');
  const reads: string[] = [];
  const readImport = (ref: string) => {
    reads.push(ref);
    const n = Number(/^\.\/f(\d+)/.exec(ref)?.[1] ?? 0);
    return { path: ref, text: `# File ${ref}\n\n${fan(n)}` };
  };
  const started = performance.now();
  const deck = parseFiles([{ path: 'deck.md', text: `# Deck\n\n${fan(0)}` }], { readImport });
  assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
  assert.ok(deck.slides.length > 1 && deck.slides.length <= 1 + 10_000);
  assert.ok(reads.length <= 1_000, `${reads.length} reads`);
  assert.ok(deck.diagnostics!.some((d) => d.code === 'bad-import' && /more than 1000/.test(d.message)));
});

test('a slide and notes of 200,000 lines each: piped output, the text handout, the reading view', { timeout: 120_000 }, (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'bp-tall-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const items = Array.from({ length: 200_000 }, (_, i) => `- ${i}`).join('\n');
  const text = `# Tall\n\n${items}\n\n<!-- notes:\n${items}\n-->\n`;
  const deck = join(tmp, 'tall.md');
  writeFileSync(deck, text);
  for (const args of [[deck], ['export', '--format', 'txt', deck]]) {
    const r = run(args, {}, 60_000);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr, '');
    const lines = r.stdout.split('\n');
    assert.ok(lines.length > 400_000, `${args.join(' ')}: ${lines.length} lines`);
    assert.equal(lines.filter((l) => /^\s*• 199999$/.test(l)).length, 2, `${args.join(' ')}: the last item of both`);
  }
  // The reading view draws notes line by line already: the slide is what overflowed.
  const doc = buildReadingDocument(parseDeck(`# Tall\n\n${items}\n`), 80, mdPlain, makeTheme(0));
  assert.ok(doc.lines.length > 200_000, `reading view: ${doc.lines.length} lines`);
  assert.match(doc.lines.at(-3)!, /^\s*• 199999$/);
  // Reading such decks: a 200,000-line speaker_note block, 200,000 headings in lookatme's dialect.
  const block = parseDeck(`# Tall\n\n<!-- speaker_note: |\n${'  x\n'.repeat(200_000)}-->\n`);
  assert.equal(block.slides[0].notes.split('\n').length, 200_000);
  const headings = Array.from({ length: 200_000 }, (_, i) => `## h${i}\n`).join('\n');
  const lookatme = parseFiles([{ path: 'tall.md', text: `# Title\n\n${headings}` }], { dialect: 'lookatme' });
  assert.equal(lookatme.slides.length, 200_001);
});

test('thousands of pauses or list items revealed one by one: at most 100 steps, in linear time', { timeout: 120_000 }, () => {
  const pauses = `# Many pauses\n\n${Array.from({ length: 10_000 }, (_, i) => `line ${i}\n\n<!-- pause -->\n`).join('\n')}`;
  const items = `---\nincremental_lists: true\n---\n\n# Many items\n\n${Array.from({ length: 8_000 }, (_, i) => `- item ${i} of the list`).join('\n')}\n`;
  for (const [name, text] of [['pauses', pauses], ['incremental list', items]] as const) {
    const started = performance.now();
    const deck = parseDeck(text);
    const ms = performance.now() - started;
    const slide = deck.slides[deck.slides.length - 1];
    assert.ok(ms < 5_000, `${name}: ${Math.round(ms)} ms`);
    assert.equal(slide.steps.length, 100, `${name}: steps`);
    assert.equal(slide.steps.at(-1), slide.body, `${name}: the last step is the whole slide`);
    assert.ok(deck.diagnostics!.some((d) => d.code === 'too-many-steps'), `${name}: check says so`);
  }
});

test('a 600 KB line of Khmer words, or of letters with marks, renders in linear time and loses nothing', { timeout: 120_000 }, () => {
  for (const unit of ['កម្ពុជា ', 'a\u0301\u0302 ']) {
    const text = unit.repeat(Math.ceil(600_000 / unit.length));
    const started = performance.now();
    const lines = renderSlideLines(parseDeck(`## Long\n\n${text}`).slides[0], 80, mdPlain);
    const ms = performance.now() - started;
    assert.ok(ms < 10_000, `${JSON.stringify(unit)}: ${Math.round(ms)} ms`);
    for (const l of lines) assert.ok(displayWidth(l) <= 80, `${JSON.stringify(unit)}: a line of ${displayWidth(l)} columns`);
    assert.equal(lines.join('').replace(/\s/g, ''), ('Long' + text).replace(/\s/g, ''), `${JSON.stringify(unit)}: every character`);
  }
});

test('a 600 KB line of Thai, Khmer or CJK with no space: export, piped text and a slide lose nothing', { timeout: 300_000 }, () => {
  // The grapheme segmenter walks such a line in pieces cut between clusters
  // (src/render/wrap.ts), as it does a line with spaces. No time is asserted:
  // the test's timeout bounds it (it took minutes when the line was walked whole).
  const units = { thai: 'ภาษาไทยเป็นภาษาราชการน้ำใจ', khmer: 'ព្រះរាជាណាចក្រកម្ពុជា', cjk: '漢字かな交じり文中文汉字' };
  for (const [name, unit] of Object.entries(units)) {
    let text = unit.repeat(Math.ceil(600_000 / Buffer.byteLength(unit)));
    text = text.slice(0, text.length - (text.length % unit.length));
    const path = file(`${name}-600k.md`, `# ${name}\n\n${text}\n`);
    for (const args of [['export', path, '--format', 'txt'], [path]]) {
      const r = run(args, {}, 240_000);
      assert.equal(r.code, 0, `${name} ${args[0]}: ${r.stderr}`);
      for (const l of r.stdout.split('\n')) assert.ok(displayWidth(l) <= 80, `${name}: a line of ${displayWidth(l)} columns`);
      assert.ok(r.stdout.replace(/\s/g, '').includes(text), `${name} ${args[0]}: every character`);
    }
    const lines = renderSlideLines(parseDeck(`## Long\n\n${text}`).slides[0], 57, mdPlain);
    for (const l of lines) assert.ok(displayWidth(l) <= 57, `${name}: a line of ${displayWidth(l)} columns`);
    assert.equal(lines.join('').replace(/\s/g, ''), 'Long' + text, `${name}: every character`);
    // No row starts inside a cluster (the whole line is too long to segment here).
    for (const l of lines) assert.doesNotMatch(l.trim(), /^[\p{M}\u200c\u200d\u0e33]/u, `${name}: a cluster was split`);
  }
});

test('a 1 MB deck of one 100,000-row table: every row exported, piped and checked', { timeout: 300_000 }, () => {
  // No time is asserted (npm run bench has the 2 s target); the test's
  // timeout bounds it: cli-table3 took minutes over such a table.
  const path = file('table-100000.md', tableDeck(100_000));
  const rowsOf = (text: string) => [...text.matchAll(/^│ (\d+) +│ (\d+) +│$/gm)].map((m) => Number(m[1]));
  const all = Array.from({ length: 100_000 }, (_, i) => i);
  for (const args of [['export', path, '--format', 'txt'], [path]]) {
    const r = run(args, {}, 240_000);
    assert.equal(r.code, 0, `${args[0]}: ${r.stderr}`);
    assert.deepEqual(rowsOf(r.stdout), all, `${args[0]}: every row, in order`);
  }
  for (const format of ['md', 'html']) {
    const r = run(['export', path, '--format', format], {}, 240_000);
    assert.equal(r.code, 0, `${format}: ${r.stderr}`);
    assert.ok(r.stdout.includes('99999'), format);
  }
  const check = run(['check', path], {}, 240_000);
  assert.match(check.stdout, /slide 1 is \d+ lines tall/);
});

test('spaces before a line separator, in a heading or in a line, render in linear time', { timeout: 120_000 }, () => {
  const spaces = ' '.repeat(200_000);
  const path = file('separator.md', `# T${spaces}\u2028x\n\na${spaces}\u2028y\n\nb${spaces}z\n`);
  const r = run(['export', path, '--format', 'txt'], {}, 100_000);
  assert.equal(r.code, 0, r.stderr);
  for (const text of ['x', 'ay', 'bz']) assert.ok(r.stdout.replace(/\s/g, '').includes(text), text);
});
