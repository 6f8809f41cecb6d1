// --watch: edit the deck under a running presenter and see the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

const deckText = (second: string, frontMatter = 'title: Watched') =>
  `---\n${frontMatter}\n---\n\n# One\n\n- first\n\n---\n\n# Two\n\n- ${second}\n\n---\n\n# Three\n\n- third\n`;

test('--watch: edits show at once, on the slide that changed; a broken deck keeps the last good one', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-watch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'talk.md');
  writeFileSync(deck, deckText('original text'));
  const term = spawnTerm(process.execPath, [CLI, '--watch', deck], { cols: 100, rows: 30, env: { XDG_RUNTIME_DIR: dir } });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 4.*watching|watching.*slide 1 \/ 4/);
  term.write('3G');
  await term.waitFor(/original text/);

  // Saved in place: the change shows, on the same slide.
  writeFileSync(deck, deckText('edited text'));
  await term.waitFor(/edited text/);
  assert.match(term.screen(), /slide 3 \/ 4/);

  // Saved the way many editors do: a new file renamed over the old one.
  writeFileSync(join(dir, 'talk.md.tmp'), deckText('renamed in'));
  renameSync(join(dir, 'talk.md.tmp'), deck);
  await term.waitFor(/renamed in/);

  // Broken: a banner, and the last good deck stays on screen.
  writeFileSync(deck, deckText('never shown', 'title: [unclosed'));
  await term.waitFor(/⚠ showing the last good version · .*talk\.md:2: front matter is not valid YAML/);
  assert.match(term.screen(), /renamed in/);
  term.write('l');
  await term.waitFor(/slide 4 \/ 4/);

  // Fixed: the banner goes; the view moves to the first slide that changed.
  writeFileSync(deck, deckText('fixed again'));
  await term.waitFor((s) => /fixed again/.test(s) && !/⚠/.test(s));
  assert.match(term.screen(), /slide 3 \/ 4/);

  // w turns watching off.
  term.write('w');
  await term.waitFor((s) => !/watching/.test(s));
  term.write('q');
  await term.waitForExit();
});

test('--watch: a read that never ends is stopped after its budget; keys and signals work meanwhile', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-watch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const deck = join(dir, 'talk.md');
  writeFileSync(deck, deckText('original text'));
  // The read worker spins for ever, as a deck that made the parser backtrack did.
  const env = { XDG_RUNTIME_DIR: dir, BRIEF_PRESENT_FAULT: 'slow-read' };
  const term = spawnTerm(process.execPath, [CLI, '--watch', deck], { cols: 100, rows: 30, env });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 4.*watching|watching.*slide 1 \/ 4/);
  term.write('l'); // once a key is answered, the presenter is watching
  await term.waitFor(/slide 2 \/ 4/);
  writeFileSync(deck, deckText('edited text'));
  await term.waitFor(/⚠ showing the last good version · reading the deck took longer than 10 s: stopped/, {
    timeout: 30_000,
  });
  term.write('l');
  await term.waitFor(/slide 3 \/ 4/);

  // Saved again: a new read spins; a signal still ends the presenter at once.
  writeFileSync(deck, deckText('edited again'));
  term.kill('SIGTERM');
  const status = await term.waitForExit({ timeout: 5_000 });
  assert.equal(status.signal ?? 0, 0, JSON.stringify(status));
  assert.doesNotMatch(term.screen(), /slide 3 \/ 4/, 'the main screen is back');
});

test('--watch: a folder deck deleted and made again (a checkout) is read again when it is back', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'bp-watch-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const dir = join(base, 'deck');
  const write = (text: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '1-intro.md'), `# Intro\n\n- ${text}\n`);
    writeFileSync(join(dir, '2-more.md'), '# More\n\n- more\n');
  };
  write('first version');
  const term = spawnTerm(process.execPath, [CLI, '--watch', dir], { cols: 100, rows: 30, env: { XDG_RUNTIME_DIR: base } });
  t.after(() => term.dispose());
  await term.waitFor(/first version[\s\S]*watching/);
  term.write('l'); // once a key is answered, the presenter is watching
  await term.waitFor(/slide 2 \/ 2/);

  rmSync(dir, { recursive: true });
  await term.waitFor(/⚠ showing the last good version/);
  write('second version');
  await term.waitFor((s) => /second version/.test(s) && !/⚠/.test(s));

  // Again, and the watch still holds: moved away, then a new folder in its place.
  renameSync(dir, join(base, 'old'));
  await term.waitFor(/⚠ showing the last good version/);
  write('third version');
  await term.waitFor((s) => /third version/.test(s) && !/⚠/.test(s));
  writeFileSync(join(dir, '2-more.md'), '# More\n\n- edited in the new folder\n');
  await term.waitFor(/edited in the new folder/);
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});

test('--watch: a one-file deck whose folder is deleted and made again is read again', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'bp-watch-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const dir = join(base, 'talks');
  const deck = join(dir, 'talk.md');
  mkdirSync(dir);
  writeFileSync(deck, deckText('original text'));
  const term = spawnTerm(process.execPath, [CLI, '--watch', deck], { cols: 100, rows: 30, env: { XDG_RUNTIME_DIR: base } });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 4.*watching|watching.*slide 1 \/ 4/);
  term.write('3G');
  await term.waitFor(/original text/);
  rmSync(dir, { recursive: true });
  await term.waitFor(/⚠ showing the last good version/);
  mkdirSync(dir);
  writeFileSync(deck, deckText('back again'));
  await term.waitFor((s) => /back again/.test(s) && !/⚠/.test(s));
  term.write('q');
  assert.equal((await term.waitForExit()).exitCode, 0);
});
