// Bundle the CLI into one file, dist/cli.js, so start-up loads one module.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const shims = new URL('../src/shims/', import.meta.url).pathname;

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    'process.env.NODE_ENV': '"production"',
  },
  alias: {
    // The presenter only runs full-screen on a terminal; Ink must not switch
    // to its CI mode (no output until exit) because a CI variable is set.
    'is-in-ci': shims + 'is-in-ci.js',
    // Ink's optional devtools hook: never used, keep it out of the bundle.
    'react-devtools-core': shims + 'empty.js',
  },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __cr } from 'node:module';",
      'const require = __cr(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
