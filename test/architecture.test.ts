// The shape of src/, read from its files: imports go one way (cli -> ui ->
// state, render -> deck), the pure layers import neither Ink, React nor
// node:fs, only ui/ink/ imports Ink and React, nothing imports a path into
// node_modules, and no file is over 300 lines. See docs/ARCHITECTURE.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** What each layer may import of the project (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  deck: [],
  render: ['deck'],
  state: ['deck'],
  check: ['deck', 'render'],
  draft: ['deck'],
  link: [],
  io: ['deck'],
  ui: ['state', 'render', 'deck', 'link', 'io'],
  cli: ['ui', 'state', 'render', 'deck', 'link', 'io', 'check', 'draft'],
};
/** Layers that are pure: no terminal UI library, no file system. */
const PURE = ['deck', 'render', 'state', 'check', 'draft'];
const UI_LIBRARIES = /^(ink|react|ink-select-input|ink-testing-library)(\/|$)/;
const FILE_SYSTEM = /^(node:)?fs(\/promises)?$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The layer of a file under src/: its first folder; cli.ts, cli/ and launch.ts are the command line. */
function layerOf(file: string): string {
  const rel = relative(SRC, file).split(/[\\/]/);
  if (rel.length === 1) return 'cli';
  return rel[0];
}

/** Every module a file imports or re-exports, statically or dynamically. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** What is wrong with one file's imports, as readable lines. */
export function violations(file: string, text: string): string[] {
  const layer = layerOf(file);
  const name = relative(SRC, file);
  const found: string[] = [];
  for (const spec of importsOf(text)) {
    if (spec.includes('node_modules')) found.push(`${name} imports a path into node_modules: ${spec}`);
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      const targetLayer = layerOf(target);
      if (targetLayer !== layer && !ALLOWED[layer]?.includes(targetLayer)) {
        found.push(`${name} (${layer}) imports ${relative(SRC, target)} (${targetLayer})`);
      }
      continue;
    }
    if (PURE.includes(layer) && (UI_LIBRARIES.test(spec) || FILE_SYSTEM.test(spec))) found.push(`${name} (pure) imports ${spec}`);
    if (layer === 'ui' && UI_LIBRARIES.test(spec) && !name.startsWith(join('ui', 'ink'))) {
      found.push(`${name} imports ${spec} outside ui/ink/`);
    }
    if (layer === 'link' && !name.endsWith('socket.ts') && !name.endsWith('folder.ts') && FILE_SYSTEM.test(spec)) {
      found.push(`${name} (the link's pure protocol) imports ${spec}`);
    }
  }
  return found;
}

test('imports go one way: cli -> ui -> state, render -> deck; pure layers without Ink, React or node:fs', () => {
  const all = files(SRC);
  assert.ok(all.length > 40, `read ${all.length} files`);
  let imports = 0;
  const found: string[] = [];
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    imports += importsOf(text).length;
    found.push(...violations(file, text));
  }
  assert.ok(imports > 200, `read ${imports} imports`);
  assert.deepEqual(found, []);
});

test('the rules catch what they are for', () => {
  const at = (rel: string) => join(SRC, rel);
  assert.deepEqual(violations(at('deck/x.ts'), "import { render } from '../render/slide.js';"), [
    `${join('deck', 'x.ts')} (deck) imports ${join('render', 'slide.js')} (render)`,
  ]);
  assert.equal(violations(at('render/x.ts'), "import { readFileSync } from 'node:fs';").length, 1);
  assert.equal(violations(at('state/x.ts'), "const ink = await import('ink');").length, 1);
  assert.equal(violations(at('ui/session.ts'), "import React from 'react';").length, 1);
  assert.equal(violations(at('ui/ink/View.tsx'), "import React from 'react';").length, 0);
  assert.equal(violations(at('ui/x.ts'), "export { x } from '../../node_modules/ink/build/x.js';").length, 2);
  assert.equal(violations(at('check/x.ts'), "import { layout } from '../ui/layout.js';").length, 1);
  assert.equal(violations(at('cli.ts'), "import { present } from './ui/present.js';").length, 0);
});

test('no file in src/ is over 300 lines', () => {
  const long = files(SRC)
    .map((f) => [relative(SRC, f), readFileSync(f, 'utf8').split('\n').length - 1] as const)
    .filter(([, n]) => n > 300);
  assert.deepEqual(long, []);
});
