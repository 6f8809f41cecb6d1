// A Mermaid pie chart on a slide, as a person sees it in a terminal.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm } from '../helpers/term.js';

const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
const run = mkdtempSync(join(tmpdir(), 'bp-mermaid-'));
after(() => rmSync(run, { recursive: true, force: true }));

test('a slide with a Mermaid pie chart shows its bars, values and percentages', async (t) => {
  const deck = join(run, 'pie.md');
  writeFileSync(
    deck,
    '# Budget\n\n```mermaid\npie showData title Spend\n    "Staff" : 300\n    "Travel" : 100\n```\n\n---\n\n# Next\n',
  );
  const term = spawnTerm(process.execPath, [CLI, deck], { cols: 80, rows: 24, env: { XDG_RUNTIME_DIR: run } });
  t.after(() => term.dispose());
  const screen = await term.waitFor(/Travel/);
  assert.match(screen, /Spend/);
  assert.match(screen, /Staff +█{20,} +300 +75\.0%/);
  assert.match(screen, /Travel +█{10,}[▏▎▍▌▋▊▉]? +100 +25\.0%/);
  assert.doesNotMatch(screen, /"Staff" : 300/, 'the chart, not its source');
  term.write('q');
  await term.waitForExit();
});
