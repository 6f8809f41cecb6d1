/**
 * ink 6.8.0 (pinned in package.json): build/reconciler.js.
 *
 * What: the reconciler's two top-level awaits go. Both are for React
 * devtools, only when DEV=true: `await import('./devtools.js')` connects to
 * them, and `await loadPackageJson()` reads Ink's name and version for them.
 * The first becomes nothing, the second the object Ink uses when DEV is not
 * set.
 *
 * Why: the program is one CommonJS script, so that its compiled code can be
 * kept between runs (src/launch.ts; README, "Performance": first slide 136 ->
 * 105 ms), and a CommonJS script cannot hold a top-level await: without this
 * the build fails. The bundle cannot connect to devtools anyway
 * (react-devtools-core is left out), and before this, DEV=true in the
 * environment made the presenter fail at start.
 *
 * Unnecessary when: none known. It would take an Ink whose reconciler loads
 * devtools without a top-level await (for instance from a promise started at
 * load); https://github.com/vadimdemedes/ink/pull/811 proposed that and was
 * closed unmerged.
 */
export default {
  package: 'ink',
  files: {
    'build/reconciler.js': [
      { from: "await import('./devtools.js');", to: '/* no devtools in the bundle */' },
      { from: '? await loadPackageJson()', to: '? { name: undefined, version: undefined }' },
    ],
  },
};
