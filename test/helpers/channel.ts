// Terminals that meet on a link: the built CLI in pseudo-terminals, each test
// with a runtime folder of its own (so tests never meet each other's sockets).
import type { TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTerm, type Term } from './term.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const opened = new Map<string, Term[]>();

/**
 * A private runtime folder for a test. After the test, the terminals opened
 * on it are closed, then it is removed.
 */
export function runtime(t: TestContext): string {
  const run = mkdtempSync(join(tmpdir(), 'bp-run-'));
  opened.set(run, []);
  t.after(() => {
    for (const term of opened.get(run) ?? []) term.dispose();
    opened.delete(run);
    rmSync(run, { recursive: true, force: true });
  });
  return run;
}

/** The CLI with `args`, its sockets in the runtime folder `run`. */
export function open(args: string[], run: string, cols = 100, env: Record<string, string> = {}): Term {
  const term = spawnTerm(process.execPath, [CLI, ...args], { cols, rows: 30, env: { XDG_RUNTIME_DIR: run, ...env } });
  opened.get(run)?.push(term);
  return term;
}

/** The status line's "slide n / of". */
export const at = (n: number, of = 6) => new RegExp(`slide ${n} / ${of}`);
