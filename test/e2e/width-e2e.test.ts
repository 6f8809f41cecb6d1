// Text is measured as terminals draw it (one column per code point of
// non-zero width, src/render/ansi.ts): checked on the emulator's screen, not
// against the measuring function. Khmer, Thai, CJK and emoji lines keep every
// character at every width, and a table with Khmer cells keeps its borders in
// line. The emulator (@xterm/headless) uses its Unicode 6 table, where emoji
// are one column: they must still all be there, which they are when the
// renderer gives them two (the line just ends earlier).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bp-width-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
  'ព្រះរាជាណាចក្រកម្ពុជា ជាប្រទេសមួយនៅអាស៊ីអាគ្នេយ៍ ដែលមានរាជធានីភ្នំពេញ និងប្រាសាទអង្គរវត្ត កម្ពុជា',
  'ภาษาไทยเป็นภาษาราชการของประเทศไทย และมีผู้พูดมากกว่ายี่สิบล้านคนทั่วโลก น้ำใจไมตรี',
  '中文是世界上使用人数最多的语言之一，日本語と한국어も表示されます中文字',
  'Emoji 😀 ✅ ☕ 🇫🇷 👍🏽 ❤️ in a line with words 🎉 ok',
  'កម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជាកម្ពុជា',
];
const CELLS = [
  ['ខេត្ត', 'ប្រជាជន', 'ภาษา'],
  ['ភ្នំពេញ', '២លាននាក់', 'ไทย'],
  ['សៀមរាប', '១លាន', '中文'],
  ['កំពង់ចាម', 'ប្រាំបួនសែន', 'ok'],
];
const deck = join(dir, 'scripts.md');
writeFileSync(
  deck,
  [
    '# Scripts',
    '',
    LINES.join('\n\n'),
    '',
    '---',
    '',
    '# Provinces',
    '',
    `| ${CELLS[0].join(' | ')} |`,
    '|---|---|---|',
    ...CELLS.slice(1).map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n'),
);

const BORDER = /[│┼├┤┬┴┌┐└┘]/;
const bare = (s: string) => s.replace(/\s/g, '');

for (const cols of [40, 80, 120]) {
  test(`Khmer, Thai, CJK and emoji at ${cols} columns: every character on screen, table borders in line`, async (t) => {
    const term = spawnTerm(process.execPath, [CLI, deck], { cols, rows: 40, env: { XDG_RUNTIME_DIR: dir } });
    t.after(() => term.dispose());
    await term.waitFor(/slide 1 \/ 2/);
    const screen = bare(term.screen());
    for (const line of LINES) assert.ok(screen.includes(bare(line)), `${cols} columns: ${line}\n${term.screen()}`);

    term.write('l');
    await term.waitFor(/slide 2 \/ 2/);
    const text = term.screen();
    for (const cell of CELLS.flat()) assert.ok(text.includes(cell), `${cols} columns: ${cell}\n${text}`);
    const rows = term.cells().filter((row) => row.some((c) => BORDER.test(c)));
    assert.ok(rows.length >= CELLS.length + 2, text);
    const columns = (row: string[]) => row.flatMap((c, x) => (BORDER.test(c) ? [x] : [])).join(',');
    const first = columns(rows[0]);
    for (const row of rows) assert.equal(columns(row), first, `${cols} columns:\n${text}`);
    term.write('q');
    await term.waitForExit();
  });
}
