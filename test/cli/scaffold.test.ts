// `brief-present init` and `brief-present draft` as a user runs them (the built CLI):
// the folder is written, presents and checks at once, and nothing is ever written
// over an existing file. What goes in the files: test/draft/draft.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertOneLineError, CLI } from '../helpers/cli.js';
import { SOURCE_DIR, sourceSkip } from '../helpers/corpus.js';

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-scaffold-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The CLI run in `cwd`, output piped. */
function runIn(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 };
}

const snapshot = (dir: string) => readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]);

test('init: writes ./briefing, which presents and checks clean at once; never writes over a file', (t) => {
  const dir = scratch(t);
  const r = runIn(dir, ['init']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /brief-present briefing/);
  const files = readdirSync(join(dir, 'briefing')).sort();
  assert.ok(files.length >= 4 && files.every((f) => f.endsWith('.md')), files.join(' '));

  const shown = runIn(dir, ['briefing']);
  assert.equal(shown.code, 0, shown.stderr);
  assert.match(shown.stdout, /Slide 1\/\d+/);
  assert.match(shown.stdout, /Your briefing title/);
  const check = runIn(dir, ['check', 'briefing']);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /no problems found/);

  // Again: one line, exit 2, and every file as it was.
  const before = snapshot(join(dir, 'briefing'));
  writeFileSync(join(dir, 'briefing', '01-opening.md'), 'my own work\n');
  const again = runIn(dir, ['init']);
  assertOneLineError(again, 2, /briefing\/01-opening\.md: already exists; nothing was written/);
  assert.equal(readFileSync(join(dir, 'briefing', '01-opening.md'), 'utf8'), 'my own work\n');
  assert.deepEqual(snapshot(join(dir, 'briefing')).map(([n]) => n), before.map(([n]) => n));

  // A folder named; a file in its way.
  assert.equal(runIn(dir, ['init', 'talks/q3']).code, 0);
  assert.ok(existsSync(join(dir, 'talks', 'q3', '01-opening.md')));
  writeFileSync(join(dir, 'plain'), 'x');
  assertOneLineError(runIn(dir, ['init', 'plain']), 2, /plain: is a file, not a folder/);
});

test('draft: the bundled article into a folder deck that presents and checks without errors', { skip: sourceSkip }, (t) => {
  const dir = scratch(t);
  const article = join(SOURCE_DIR, 'cambodia-us-relations.txt');
  const r = runIn(dir, ['draft', article]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /7 sections from cambodia-us-relations\.txt/);
  const folder = join(dir, 'cambodia-us-relations-draft');
  assert.equal(readdirSync(folder).length, 8);
  const check = runIn(dir, ['check', 'cambodia-us-relations-draft']);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /no problems found/);
  const json = JSON.parse(runIn(dir, ['--json', 'cambodia-us-relations-draft']).stdout);
  assert.equal(json.sections.length, 8);

  const again = runIn(dir, ['draft', article]);
  assertOneLineError(again, 2, /already exists; nothing was written/);
  assert.equal(runIn(dir, ['draft', article, '-o', 'other']).code, 0);
  assert.equal(readdirSync(join(dir, 'other')).length, 8);
});

test('draft: a Markdown file and -o; bad input is one line, exit 2', (t) => {
  const dir = scratch(t);
  writeFileSync(join(dir, 'notes.md'), '# A talk\n\n## First\n\nOne thing is true. Another follows.\n\n## Second\n\nThe end is near.\n');
  const r = runIn(dir, ['draft', 'notes.md', '-o', 'deck']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(join(dir, 'deck')), ['01-first.md', '02-second.md', '03-source.md']);
  assert.match(runIn(dir, ['deck']).stdout, /One thing is true\./);

  assertOneLineError(runIn(dir, ['draft']), 2, /draft needs an ARTICLE file/);
  assertOneLineError(runIn(dir, ['draft', 'missing.txt']), 2, /missing\.txt: no such file/);
  mkdirSync(join(dir, 'folder'));
  assertOneLineError(runIn(dir, ['draft', 'folder']), 2, /folder: is a folder/);
  writeFileSync(join(dir, 'empty.txt'), '\n\n');
  assertOneLineError(runIn(dir, ['draft', 'empty.txt']), 2, /empty\.txt: no article text found/);
  assertOneLineError(runIn(dir, ['init', '--format', 'md']), 2, /option --format does not apply with init/);
});

test('--help lists init and draft', () => {
  const r = runIn(tmpdir(), ['--help']);
  assert.match(r.stdout, /brief-present init \[FOLDER\] +write a starter deck/);
  assert.match(r.stdout, /brief-present draft ARTICLE \[-o FOLDER\] +a draft deck from an article/);
  assert.match(r.stdout, /draft: the new deck folder/);
});
