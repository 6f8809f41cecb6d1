/** Reading picture files (src/io/images.ts): what a slide's path names, and what is refused. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMAGE_BYTES, readImageBytes, resolveImagePath } from '../../src/io/images.js';
import { STDIN_NAME } from '../../src/io/load.js';

test('a picture path is relative to the slide\'s own file; %20 stands for a space', () => {
  assert.equal(resolveImagePath('map.png', '/decks/talk/02-maps.md'), '/decks/talk/map.png');
  assert.equal(resolveImagePath('../shared/my%20map.png', '/decks/talk/a.md'), '/decks/shared/my map.png');
  assert.equal(resolveImagePath('/abs/pic.gif', '/decks/a.md'), '/abs/pic.gif');
  assert.equal(resolveImagePath('pic.png', STDIN_NAME), join(process.cwd(), 'pic.png'));
});

test('missing files, folders, FIFOs and files over the limit are refused without blocking', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-image-files-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.deepEqual(readImageBytes(join(dir, 'none.png')), { error: 'not found' });
  mkdirSync(join(dir, 'folder.png'));
  assert.deepEqual(readImageBytes(join(dir, 'folder.png')), { error: 'is a folder' });
  const big = join(dir, 'big.png');
  writeFileSync(big, '');
  truncateSync(big, MAX_IMAGE_BYTES + 1);
  assert.match((readImageBytes(big) as { error: string }).error, /^too large \(32\.0 MB\)$/);
  writeFileSync(join(dir, 'ok.png'), 'bytes');
  assert.deepEqual(readImageBytes(join(dir, 'ok.png')), { bytes: Buffer.from('bytes') });
  if (process.platform !== 'win32') {
    execFileSync('mkfifo', [join(dir, 'fifo.png')]);
    // Opened without waiting for a writer: refused at once, not hung.
    assert.deepEqual(readImageBytes(join(dir, 'fifo.png')), { error: 'not a regular file' });
  }
});
