// The Chromium-family browser for the tests that drive one (the HTML handout in a
// browser, the PDF handout): found as `export --format pdf` finds it
// (src/io/browser.ts); a test skips, saying what to install, when there is none,
// unless BRIEF_PRESENT_REQUIRE_BROWSER is set (as .ci/run sets it).
import { INSTALL_BROWSER } from '../../src/io/browser.js';

export { defaultCandidates, findBrowser } from '../../src/io/browser.js';

type Env = Record<string, string | undefined>;

/** One line for the skip: what was not found, and what to install. */
export const NO_BROWSER = `no Chromium-family browser found: ${INSTALL_BROWSER}, to run the tests that drive a browser`;

/** The browser tests must run (CI): no browser is then a failure, not a skip. */
export function browserRequired(env: Env = process.env): boolean {
  const v = env.BRIEF_PRESENT_REQUIRE_BROWSER;
  return v !== undefined && v !== '' && v !== '0';
}
