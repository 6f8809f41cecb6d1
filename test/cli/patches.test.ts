// The exact-text patches the build applies to dependencies (scripts/patches/)
// still apply to the installed packages: every piece they replace occurs once,
// and the patched file holds every replacement. An upgrade that moves or
// changes one of those pieces fails here, naming it, as well as in the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyReplacements, patches } from '../../scripts/patches/index.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  overrides?: Record<string, string>;
};
const installed = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const occurrences = (text: string, piece: string): number => text.split(piece).length - 1;

test('the patches cover yoga-layout and ink', () => {
  assert.deepEqual(patches.map((p) => p.package).sort(), ['ink', 'yoga-layout']);
});

for (const patch of patches) {
  test(`${patch.package} is pinned to the installed version`, () => {
    const pin = pkg.devDependencies[patch.package] ?? pkg.overrides?.[patch.package];
    assert.equal(pin, installed(patch.package), `package.json pins ${patch.package} to ${pin}`);
  });

  for (const [file, replacements] of Object.entries(patch.files)) {
    test(`${patch.package}/${file}: the patch applies to the installed file`, () => {
      const source = readFileSync(join(ROOT, 'node_modules', patch.package, file), 'utf8');
      assert.ok(replacements.length > 0);
      for (const { from, to } of replacements) {
        assert.equal(occurrences(source, from), 1, `${JSON.stringify(from)} should occur once`);
        assert.notEqual(from, to);
      }
      const { text, problems } = applyReplacements(source, replacements);
      assert.deepEqual(problems, []);
      assert.ok(text !== undefined);
      for (const { from, to } of replacements) {
        assert.ok(text.includes(to), `the patched file should hold ${JSON.stringify(to.slice(0, 60))}`);
        // Replaced, not only added to (a `to` may contain its `from`).
        assert.equal(occurrences(text, from), occurrences(to, from), JSON.stringify(from));
      }
    });
  }
}

test('a piece found nowhere, or twice, is named and nothing is patched', () => {
  const replacements = [
    { from: 'a', to: 'b' },
    { from: 'missing', to: 'x' },
    { from: 'twice', to: 'y' },
  ];
  const { text, problems } = applyReplacements('a twice twice', replacements);
  assert.equal(text, undefined);
  assert.deepEqual(problems, ['"missing" found nowhere', '"twice" found 2 times']);
});
