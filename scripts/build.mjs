// Bundle the CLI into one program, dist/brief-present.cjs, and its launcher,
// dist/cli.cjs (the `brief-present` command), so start-up loads one script
// and, from the second run on, finds it compiled (src/launch.ts).
import { build } from 'esbuild';
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';
import { applyReplacements, patches } from './patches/index.mjs';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const shims = new URL('../src/shims/', import.meta.url).pathname;
const render = new URL('../src/render/', import.meta.url).pathname;
const root = new URL('..', import.meta.url).pathname;

/**
 * What start-up does not pay for (docs/PERFORMANCE.md). Everything in the
 * bundle is compiled when it loads, so code that is rarely needed is either
 * behind a `require` that esbuild turns into a function run on first use, or,
 * when it is big, kept as compressed text (`packed`) and compiled only then.
 */
const startup = {
  name: 'startup',
  setup(b) {
    // Syntax highlighting: marked-terminal's highlighter (cli-highlight) loads
    // every highlight.js language and an HTML parser at load. The renderer
    // highlights code itself (src/render/syntax.ts), so that one is never
    // called, and each language is unpacked when a slide first shows it.
    b.onResolve({ filter: /^cli-highlight$/ }, () => ({ path: shims + 'cli-highlight.js' }));
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]syntax-languages\.ts$/ }, async () => ({
      contents: await languageModule(),
      loader: 'js',
      resolveDir: render,
    }));

    // The emoji table (marked-terminal's `:name:` codes), unpacked on the first
    // code: a deck without one never builds it.
    b.onResolve({ filter: /^node-emoji$/ }, () => ({ path: 'node-emoji', namespace: 'packed' }));
    b.onLoad({ filter: /^node-emoji$/, namespace: 'packed' }, async () => ({
      contents: [
        `const PACKED = ${JSON.stringify(pack(await bundleCjs(require.resolve('node-emoji'))))};`,
        'let real;',
        'export function get(name) {',
        '  real ??= unpack(PACKED);',
        '  return real.get(name);',
        '}',
        UNPACK,
      ].join('\n'),
      loader: 'js',
    }));

    // One width for everything: Ink, wrap-ansi and cli-table3 import
    // string-width (8, 7 and 4, measuring text three ways); each gets
    // src/render/ansi.ts's displayWidth, which counts columns per code point
    // as terminals draw them, so Ink's views and tables agree with the slides.
    b.onResolve({ filter: /^string-width$/ }, () => ({ path: shims + 'string-width.cjs' }));
    // Dependencies patched by exact text (scripts/patches/: what each changes,
    // why, and what would make it unnecessary): yoga-layout (instantiated
    // synchronously: a CommonJS script cannot wait at top level, and its
    // loader would load node's HTTP client) and Ink's reconciler (its
    // top-level awaits, for React devtools, removed). Each file is patched in
    // the one copy every import resolves to, and the build fails when one of
    // them was not bundled (the patch would not be in the program).
    const unpatched = new Set();
    for (const patch of patches) {
      const dir = dirname(realpathSync(join(root, 'node_modules', patch.package, 'package.json')));
      for (const [file, replacements] of Object.entries(patch.files)) {
        const path = join(dir, file);
        unpatched.add(path);
        b.onLoad({ filter: new RegExp(`^${escapeRegExp(path)}$`) }, () => {
          unpatched.delete(path);
          return patched(path, patch.package, replacements);
        });
      }
    }
    b.onEnd((result) => {
      if (result.errors.length > 0) return undefined;
      return { errors: [...unpatched].map((path) => ({ text: `${path} has a patch (scripts/patches/) but was not bundled` })) };
    });
  },
};

/**
 * A dependency's source with exact pieces of text replaced, for an onLoad
 * hook; the build fails when a piece is not found exactly once (the package
 * has changed).
 */
function patched(path, what, replacements) {
  const { text, problems } = applyReplacements(readFileSync(path, 'utf8'), replacements);
  if (text === undefined) {
    return { errors: problems.map((p) => ({ text: `${what}: ${p} in ${path} (the package has changed)` })) };
  }
  return { contents: text, loader: 'js' };
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runtime for `packed` modules: decompress, compile and run a CommonJS bundle. */
const UNPACK = `function unpack(packed) {
  const { brotliDecompressSync } = require('node:zlib');
  const code = brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8');
  const module = { exports: {} };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}`;

/** Code as compressed text (brotli, base64) for a string literal. */
function pack(code) {
  const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: code.length };
  return brotliCompressSync(Buffer.from(code, 'utf8'), { params }).toString('base64');
}

/** One module and its dependencies as a minified CommonJS bundle, keyed by entry. */
async function bundleCjs(...entries) {
  const result = await build({
    entryPoints: entries.map((path, i) => ({ in: path, out: String(i) })),
    outdir: 'packed',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles.map((f) => f.text);
  return entries.length === 1 ? code[0] : code;
}

/**
 * The bundle's src/render/syntax-languages.ts: the same two functions, with
 * the name and alias table made here and every language packed.
 */
async function languageModule() {
  const hljs = require('highlight.js/lib/core');
  const dir = join(dirname(require.resolve('highlight.js/lib/core')), 'languages');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
  const table = new Map(names.map((n) => [n, n]));
  const byName = new Set(names);
  for (const name of names) {
    // As in highlight.js, a name beats an alias and a later alias wins.
    for (const alias of require(join(dir, name + '.js'))(hljs).aliases ?? []) {
      if (!byName.has(alias.toLowerCase())) table.set(alias.toLowerCase(), name);
    }
  }
  const code = await bundleCjs(...names.map((n) => join(dir, n + '.js')));
  const packed = Object.fromEntries(names.map((n, i) => [n, pack(code[i])]));
  return [
    `const NAMES = new Map(${JSON.stringify([...table])});`,
    `const PACKED = new Map(${JSON.stringify(Object.entries(packed))});`,
    'export function languageFor(name) {',
    '  return NAMES.get(name.toLowerCase());',
    '}',
    'export function loadLanguage(language) {',
    '  const packed = PACKED.get(language);',
    '  if (packed === undefined) throw new Error(`unknown language ${language}`);',
    '  return unpack(packed);',
    '}',
    UNPACK,
  ].join('\n');
}

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

// The program: one CommonJS script, run by the launcher (src/launch.ts) with
// V8's code cache. Not an ES module: Node 20 caches no compiled ES module.
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/brief-present.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
    'import.meta.url': '__importMetaUrl',
  },
  alias: {
    // The presenter only runs full-screen on a terminal; Ink must not switch
    // to its CI mode (no output until exit) because a CI variable is set.
    'is-in-ci': shims + 'is-in-ci.js',
    // Ink's optional devtools hook: never used, keep it out of the bundle.
    'react-devtools-core': shims + 'empty.js',
  },
  plugins: [startup],
  banner: { js: "var __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// esbuild escapes non-ASCII text in strings but not in regular expressions.
// One such character makes V8 keep the whole program's source as UTF-16:
// twice the memory (src/render/wrap.ts shows how to escape one). The
// launcher also reads the program as Latin-1, which only ASCII survives.
const program = readFileSync(new URL('../dist/brief-present.cjs', import.meta.url));
const nonAscii = /[^\0-\x7f]/.exec(program.toString('latin1'));
if (nonAscii) {
  const text = program.toString('utf8');
  const at = /[^\0-\x7f]/.exec(text).index;
  const near = text.slice(Math.max(0, at - 40), at + 10).replace(/\s+/g, ' ');
  throw new Error(`build: dist/brief-present.cjs has a non-ASCII character in "${near}"`);
}

// The launcher, `brief-present` itself: small, so that Node starts it at
// once, and told which program it runs (its hash names the code cache).
await build({
  entryPoints: ['src/launch.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  define: {
    __PROGRAM__: JSON.stringify({
      file: 'brief-present.cjs',
      hash: createHash('sha256').update(program).digest('hex').slice(0, 16),
    }),
  },
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
