// The launcher (src/launch.ts) runs the program with V8's code cache: made by
// a run that presented, used by the next run, and never in
// the way (unreadable, corrupt, unwritable, switched off).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, run } from './helpers/cli.js';
import { spawnTerm } from './helpers/term.js';

const runtime = mkdtempSync(join(tmpdir(), 'bp-launch-run-'));
const NAME = /^[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+\.v8$/;

/** Present the bundled briefing, wait for its title, quit with q: the exit code. */
async function presentAndQuit(env: Record<string, string | undefined>): Promise<number> {
  const term = spawnTerm(process.execPath, [CLI], { cols: 100, rows: 30, env: { XDG_RUNTIME_DIR: runtime, ...env } });
  try {
    await term.waitFor('Cambodia-US relations');
    term.write('l');
    await term.waitFor('Agenda');
    term.write('q');
    return (await term.waitForExit()).exitCode;
  } finally {
    term.dispose();
  }
}

function cacheFiles(home: string): string[] {
  try {
    return readdirSync(join(home, 'brief-present'));
  } catch {
    return [];
  }
}

test('a run that presents leaves the compiled code, private, for the next run, which uses it', async () => {
  const home = mkdtempSync(join(tmpdir(), 'bp-cache-'));
  // --version and --json present nothing: they write no cache.
  assert.equal(run(['--version'], { XDG_CACHE_HOME: home }).code, 0);
  assert.equal(run(['--json'], { XDG_CACHE_HOME: home }).code, 0);
  assert.deepEqual(cacheFiles(home), []);

  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  const files = cacheFiles(home);
  assert.equal(files.length, 1, files.join(', '));
  assert.match(files[0], NAME);
  const file = join(home, 'brief-present', files[0]);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(join(home, 'brief-present')).mode & 0o777, 0o700);
  const first = readFileSync(file);
  assert.ok(first.length > 100_000, `${first.length} bytes of compiled code`);

  // The next run accepts it, so it has nothing to write: the file stays as it was.
  const before = statSync(file).mtimeMs;
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  assert.equal(statSync(file).mtimeMs, before, 'an accepted cache is not written again');
  assert.deepEqual(readFileSync(file), first);
});

test('a corrupt cache is ignored and replaced; an unwritable one costs nothing; the switch turns it off', async () => {
  const home = mkdtempSync(join(tmpdir(), 'bp-cache-'));
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  const [name] = cacheFiles(home);
  const file = join(home, 'brief-present', name);
  writeFileSync(file, Buffer.alloc(4096, 0x5a));
  // A program of another build: its cache goes when this one's is written.
  const old = join(home, 'brief-present', '0000000000000000-v20.0.0-x64.v8');
  writeFileSync(old, 'old');
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: home }), 0);
  assert.ok(statSync(file).size > 100_000, 'the garbage was replaced by compiled code');
  assert.deepEqual(cacheFiles(home), [name]);

  // The cache folder's parent is a file: nothing can be written, the presenter works.
  const blocked = join(mkdtempSync(join(tmpdir(), 'bp-cache-')), 'a-file');
  writeFileSync(blocked, '');
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: blocked }), 0);

  const off = mkdtempSync(join(tmpdir(), 'bp-cache-'));
  assert.equal(await presentAndQuit({ XDG_CACHE_HOME: off, NODE_DISABLE_COMPILE_CACHE: '1' }), 0);
  assert.deepEqual(cacheFiles(off), []);
});
