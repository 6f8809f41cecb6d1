// Running the built CLI over pipes, and the bundled deck, for tests.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFiles, sortDeckFiles } from '../../src/deck/parse.js';
import type { Deck } from '../../src/deck/types.js';

/** The built CLI (`npm test` builds it first). */
export const CLI = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run. */
  ms: number;
  error?: Error;
}

/**
 * Run the CLI with pipes for stdin and stdout (so: not a terminal), colour
 * variables cleared unless given; `node` options go before the script.
 * Standard input brings `input`, or nothing (it is closed at once).
 */
export function run(
  args: string[],
  env: Record<string, string | undefined> = {},
  opts: { timeout?: number; nodeOptions?: string[]; input?: string | Buffer } = {},
): RunResult {
  const started = Date.now();
  const r = spawnSync(process.execPath, [...(opts.nodeOptions ?? []), CLI, ...args], {
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    timeout: opts.timeout ?? 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started, error: r.error };
}

/** One line on stderr, `brief-present: …`, matching `pattern`; nothing on stdout; no stack trace. */
export function assertOneLineError(r: RunResult, code: number, pattern: RegExp): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^brief-present: [^\n]+\n$/, `one line: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\bat \S+:\d+:\d+/, 'no stack trace');
}

/** The briefing in slides/, parsed as the CLI parses a folder deck. */
export function bundledDeck(): Deck {
  const dir = new URL('../../slides/', import.meta.url);
  const files = sortDeckFiles(
    readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => ({ path: `slides/${n}`, text: readFileSync(new URL(n, dir), 'utf8') })),
  );
  return parseFiles(files, { folder: true });
}
