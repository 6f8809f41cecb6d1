// Bundle the CLI into one program, dist/brief-present.cjs, and its launcher,
// dist/cli.cjs (the `brief-present` command), so start-up loads one script
// and, from the second run on, finds it compiled (src/launch.ts).
import { build } from 'esbuild';
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const shims = new URL('../src/shims/', import.meta.url).pathname;
const render = new URL('../src/render/', import.meta.url).pathname;
const stringWidth = realpathSync(new URL('../node_modules/string-width/index.js', import.meta.url));

/**
 * What start-up does not pay for (README, "Performance"). Everything in the
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

    // One string-width for everything: ours and Ink's (8), wrap-ansi's (7) and
    // cli-table3's (4) measured text differently, and the older ones each
    // build a large emoji regex on first use.
    const stringWidthCjs = shims + 'string-width.cjs';
    b.onResolve({ filter: /^string-width$/ }, (args) => {
      if (args.kind === 'require-call' && args.importer !== stringWidthCjs) return { path: stringWidthCjs };
      return { path: stringWidth };
    });
    // Its RGI-emoji test is a `v`-flag regex that V8 takes ~20 ms to build,
    // at load. Build it on first need instead, and only for a cluster that can
    // be an emoji: every RGI emoji has an Emoji_Presentation or
    // Extended_Pictographic code point, a regional indicator, VS16 or a
    // keycap mark (digits, `#` and `*` are Emoji, but not RGI emoji alone).
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) => {
      if (args.path !== stringWidth) return undefined; // the others are never loaded (see onResolve)
      return patched(args.path, 'string-width', [
        [
          String.raw`const rgiEmojiRegex = /^\p{RGI_Emoji}$/v;`,
          String.raw`const rgiEmojiRegex = {
  maybe: /[\p{Emoji_Presentation}\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u20E3]/u,
  re: undefined,
  test(s) {
    return this.maybe.test(s) && (this.re ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(s);
  },
};`,
        ],
        // Its grapheme segmenter, made at load, costs ~7 ms (ICU loads its break
        // rules): make it on first need, and extend its fast path (printable
        // ASCII: width = length) to all text of that kind (src/render/simple-text.ts).
        [
          "import stripAnsi from 'strip-ansi';",
          `import stripAnsi from 'strip-ansi';\nimport { SIMPLE_TEXT } from ${JSON.stringify(render + 'simple-text.ts')};`,
        ],
        ['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
        ['segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)'],
        [String.raw`if (/^[\u0020-\u007E]*$/.test(string)) {`, 'if (ambiguousIsNarrow && SIMPLE_TEXT.test(string)) {'],
      ]);
    });

    // yoga-layout (Ink's layout engine) waits for its WebAssembly with a
    // top-level await, which only an ES module may hold. The program is a
    // CommonJS script (its compiled code can then be cached, see
    // src/launch.ts), so yoga is made synchronously: its loader's
    // instantiateWasm hook also receives the function that decodes the
    // binary from its base64 data: URL, and Ink's entry module uses it. (Left
    // to itself the loader would `fetch` that URL, which first loads node's
    // HTTP client: ~15 ms, ~6 MB.)
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) =>
      patched(args.path, 'yoga-layout', [['return h.instantiateWasm(d,\na)', 'return h.instantiateWasm(d,a,wa)']]),
    );
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, (args) =>
      patched(args.path, 'yoga-layout', [
        [
          'const Yoga = wrapAssembly(await loadYoga());',
          [
            '// Instantiated synchronously (scripts/build.mjs): the loader fills in the',
            '// module object it is given before it returns.',
            'const yogaModule = {',
            '  instantiateWasm(imports, receive, binary) {',
            '    receive(new WebAssembly.Instance(new WebAssembly.Module(binary()), imports));',
            '    return {};',
            '  },',
            '};',
            'loadYoga(yogaModule);',
            "if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');",
            'const Yoga = wrapAssembly(yogaModule);',
          ].join('\n'),
        ],
      ]),
    );

    // Ink connects to React devtools when DEV=true, which the bundle cannot
    // do (react-devtools-core is left out): without this, DEV=true in the
    // environment made the presenter fail at start. Both of its top-level
    // awaits are for that, and a CommonJS script can hold neither.
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) =>
      patched(args.path, 'ink', [
        ["await import('./devtools.js');", '/* no devtools in the bundle */'],
        ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
      ]),
    );
  },
};

/**
 * A dependency's source with exact pieces of text replaced, for an onLoad
 * hook; the build fails when a piece is not found (the package has changed).
 */
function patched(path, what, replacements) {
  let source = readFileSync(path, 'utf8');
  for (const [from, to] of replacements) {
    if (!source.includes(from)) {
      return { errors: [{ text: `${what}: ${JSON.stringify(from.slice(0, 60))} not found in ${path} (the package has changed)` }] };
    }
    source = source.replace(from, () => to);
  }
  return { contents: source, loader: 'js' };
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
