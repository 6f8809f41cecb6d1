// The HTML handout browser test runs whenever a Chromium-family browser can be
// found, is one skipped line saying what to install when none can, and fails
// instead when BRIEF_PRESENT_REQUIRE_BROWSER is set (as .ci/run sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserRequired, defaultCandidates, findBrowser, NO_BROWSER } from '../helpers/browser.js';

const BROWSER_TEST = fileURLToPath(new URL('../e2e/export-browser.test.ts', import.meta.url));

function fakeBrowsers(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'bp-browser-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const make = (rel: string, mode = 0o755) => {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
    return path;
  };
  return { dir, make };
}

const posix = { skip: process.platform === 'win32' };

test('findBrowser: CHROME_PATH, then names on PATH, then absolute locations', posix, (t) => {
  const { dir, make } = fakeBrowsers(t);
  const bin = join(dir, 'bin');
  const chromium = make('bin/chromium');
  const chrome = make('opt/chrome');
  make('bin/not-executable', 0o644);
  const base = { PATH: bin, BRIEF_PRESENT_BROWSER_CANDIDATES: undefined };
  assert.equal(findBrowser({ ...base, CHROME_PATH: chrome }), chrome, 'CHROME_PATH first');
  const wrong = join(dir, 'missing');
  assert.equal(findBrowser({ ...base, CHROME_PATH: wrong }), undefined, 'a wrong CHROME_PATH is no browser');
  assert.equal(findBrowser({ ...base, CHROMIUM_PATH: chrome }), chrome, 'the older name');
  assert.equal(findBrowser(base, 'linux'), chromium, 'chromium on PATH');
  assert.equal(findBrowser({ PATH: join(dir, 'nowhere'), BRIEF_PRESENT_BROWSER_CANDIDATES: `x:${chrome}` }), chrome);
  assert.equal(findBrowser({ PATH: bin, BRIEF_PRESENT_BROWSER_CANDIDATES: 'not-executable' }), undefined);
  assert.equal(findBrowser({ PATH: bin, BRIEF_PRESENT_BROWSER_CANDIDATES: '' }), undefined, 'no candidates');
});

test('the usual names and locations of Chromium, Chrome and Edge', () => {
  assert.ok(defaultCandidates('linux').includes('chromium'));
  assert.ok(defaultCandidates('linux').includes('google-chrome'));
  assert.ok(defaultCandidates('linux').includes('microsoft-edge'));
  assert.ok(defaultCandidates('linux').includes('/usr/bin/chromium'));
  assert.ok(defaultCandidates('darwin', {}).includes('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'));
  const win = defaultCandidates('win32', {
    PROGRAMFILES: 'C:\\Program Files',
    LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local',
  });
  assert.ok(win.includes('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'));
  assert.ok(win.includes('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'));
  assert.ok(win.includes('C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe'));
  assert.equal(browserRequired({}), false);
  assert.equal(browserRequired({ BRIEF_PRESENT_REQUIRE_BROWSER: '0' }), false);
  assert.equal(browserRequired({ BRIEF_PRESENT_REQUIRE_BROWSER: '1' }), true);
});

/** Run the browser test file with no browser to be found. */
function runWithoutBrowser(extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    CHROME_PATH: undefined,
    CHROMIUM_PATH: undefined,
    BRIEF_PRESENT_REQUIRE_BROWSER: undefined,
    BRIEF_PRESENT_BROWSER_CANDIDATES: '',
    NODE_TEST_CONTEXT: undefined,
    ...extra,
  };
  return spawnSync(
    process.execPath,
    ['--enable-experimental-regexp-engine', '--import', 'tsx', '--test', '--test-reporter=spec', BROWSER_TEST],
    { encoding: 'utf8', env, timeout: 60_000 },
  );
}

test('no browser: one skipped line that says what to install, and the run passes', () => {
  const r = runWithoutBrowser();
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const mentions = r.stdout.split('\n').filter((l) => l.includes('no Chromium-family browser found'));
  assert.equal(mentions.length, 1, r.stdout);
  assert.ok(mentions[0].includes(NO_BROWSER), mentions[0]);
  assert.match(mentions[0], /# no Chromium-family browser found: install Chromium/);
  assert.match(r.stdout, /skipped 1\n/);
  assert.match(r.stdout, /pass 0\n/);
});

test('no browser with BRIEF_PRESENT_REQUIRE_BROWSER=1: the run fails, saying why', () => {
  const r = runWithoutBrowser({ BRIEF_PRESENT_REQUIRE_BROWSER: '1' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /fail 1\n/);
  assert.ok(r.stdout.includes(NO_BROWSER), r.stdout);
});
