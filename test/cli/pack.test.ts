// What `npm pack` ships, and that the packed tarball runs as `npx brief-present` will.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('npm pack ships the bundled CLI and slides/ only, and npx runs the tarball', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-pack-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
  const files = info.files.map((f) => f.path).sort();
  for (const f of files) {
    assert.match(f, /^(dist\/cli\.cjs|dist\/brief-present\.cjs|dist\/brief-present\.cjs\.LEGAL\.txt|slides\/\d\d-[a-z-]+\.md|package\.json|README\.md|LICENSE)$/, f);
  }
  assert.ok(files.includes('dist/cli.cjs'));
  assert.ok(files.includes('dist/brief-present.cjs'));
  assert.ok(files.filter((f) => f.startsWith('slides/')).length >= 9);

  // The bundle needs no dependencies: npx installs the tarball alone.
  const json = execFileSync('npx', ['--yes', `./${info.filename}`, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, npm_config_cache: join(dir, 'npm-cache'), npm_config_offline: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const deck = JSON.parse(json);
  assert.match(deck.title, /Cambodia/);
});
