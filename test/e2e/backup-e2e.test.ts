// Backup slides in a real terminal: 2B jumps to the second backup slide, Ctrl-O
// goes back to where the jump came from; next on the last main slide stays.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bp-backup-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('2B goes to backup slide 2, Ctrl-O and ` come back; the count leaves the backup slides out', async (t) => {
  const deck = join(dir, 'deck.md');
  writeFileSync(
    deck,
    ['# Opening\n\n- main one', '## Middle\n\n- main two', '## Last word\n\n- main three', '<!-- backup -->\n\n## Spare one\n\n- reserve a', '## Spare two\n\n- reserve b'].join(
      '\n\n---\n\n',
    ),
  );
  const term = spawnTerm(process.execPath, [CLI, deck], { cols: 100, rows: 30, env: { XDG_RUNTIME_DIR: dir } });
  t.after(() => term.dispose());
  await term.waitFor(/slide 1 \/ 3/);
  term.write('2G');
  await term.waitFor(/main two[\s\S]*slide 2 \/ 3/);
  term.write('2B');
  await term.waitFor(/reserve b[\s\S]*backup 2 \/ 2/);
  term.write('\x0f'); // Ctrl-O
  await term.waitFor(/main two[\s\S]*slide 2 \/ 3/);
  term.write('\x0f');
  await term.waitFor(/main one[\s\S]*slide 1 \/ 3/);
  // Next on the last main slide stays there; B reaches the backup slides, ` comes back.
  term.write('Gl');
  await term.waitFor(/main three[\s\S]*slide 3 \/ 3/);
  term.write('B');
  await term.waitFor(/reserve a[\s\S]*backup 1 \/ 2/);
  term.write('`');
  const s = await term.waitFor(/main three[\s\S]*slide 3 \/ 3/);
  assert.doesNotMatch(s, /reserve/);
  term.write('q');
  await term.waitForExit();
});
