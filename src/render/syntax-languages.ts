/**
 * Where highlight.js language definitions come from, one language at a time.
 *
 * This file is what runs from source (the tests, through tsx): node's
 * `require` loads each definition from the highlight.js package when it is
 * first asked for. The bundle replaces this module (see scripts/build.mjs) with one that
 * holds every definition as compressed text, compiled only when asked for,
 * and the alias table computed at build time; both answer the same questions.
 */
/// <reference types="highlight.js" />
import hljs from 'highlight.js/lib/core';
import { createRequire } from 'node:module';

type LanguageFn = Parameters<typeof hljs.registerLanguage>[1];

const require = createRequire(import.meta.url);
let table: Map<string, string> | undefined;

/** Every language by file name and by alias ("js" → "javascript"). */
function names(): Map<string, string> {
  if (table) return table;
  table = new Map();
  // Every language highlight.js registers in its full build, by its file name.
  const files = (require('highlight.js') as { listLanguages(): string[] }).listLanguages();
  for (const name of files) table.set(name, name);
  const byName = new Set(files);
  for (const name of files) {
    // A definition is a pure function of the API: calling it registers nothing.
    // As in highlight.js, a name beats an alias and a later alias wins.
    const lang = (require(`highlight.js/lib/languages/${name}.js`) as LanguageFn)(hljs);
    for (const alias of lang.aliases ?? []) if (!byName.has(alias.toLowerCase())) table.set(alias.toLowerCase(), name);
  }
  return table;
}

/** The language a fence name means ("js", "JavaScript" → "javascript"), or undefined. */
export function languageFor(name: string): string | undefined {
  return names().get(name.toLowerCase());
}

/** The definition of a language named by `languageFor`. */
export function loadLanguage(language: string): LanguageFn {
  if (names().get(language) !== language) throw new Error(`unknown language ${language}`);
  return require(`highlight.js/lib/languages/${language}.js`) as LanguageFn;
}
