// The exact-text patches that scripts/build.mjs applies to dependencies when
// it bundles them: one file each, saying what it changes, why, and what
// upstream change would make it unnecessary. test/patches.test.ts checks each
// against the installed package, and package.json pins each package to the
// version its patch was written for.
import inkReconciler from './ink-reconciler.mjs';
import yoga from './yoga.mjs';

export const patches = [yoga, inkReconciler];

/**
 * `source` with each `from` replaced by its `to`. Each `from` must occur
 * exactly once: `problems` names those that do not (the package has changed),
 * and `text` is then undefined.
 */
export function applyReplacements(source, replacements) {
  const problems = [];
  let text = source;
  for (const { from, to } of replacements) {
    const count = text.split(from).length - 1;
    if (count !== 1) {
      problems.push(`${JSON.stringify(from.slice(0, 60))} found ${count === 0 ? 'nowhere' : `${count} times`}`);
      continue;
    }
    text = text.replace(from, () => to);
  }
  return problems.length === 0 ? { text, problems } : { text: undefined, problems };
}
