// The PDF handout (`export --format pdf`, or `-o FILE.pdf`): printed by the
// Chromium-family browser found as src/io/browser.ts finds it, one page per slide;
// without a browser, one line saying what to install and exit 2; a browser that
// fails or hangs is one line too, and no temporary file is left behind. The test
// that needs a real browser is skipped, saying what to install, when there is none,
// unless BRIEF_PRESENT_REQUIRE_BROWSER is set (as .ci/run sets it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserArgs } from '../../src/cli/pdf.js';
import { browserRequired, findBrowser, NO_BROWSER } from '../helpers/browser.js';
import { assertOneLineError, bundledDeck, run } from '../helpers/cli.js';

const BROWSER = findBrowser();
const posix = process.platform !== 'win32';

/** A scratch folder and a private TMPDIR for the run (to see that it is left empty). */
function scratch(t: { after(fn: () => void): void }) {
  const dir = mkdtempSync(join(tmpdir(), 'bp-pdf-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  return { dir, tmp };
}

/** The pages of a PDF: its page objects (not the /Pages tree nodes). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const realPdf = BROWSER ? {} : { skip: browserRequired() ? false : NO_BROWSER };
test('a real PDF: one page per slide, notes or not, and nothing left in the temporary folder', realPdf, (t) => {
  assert.ok(BROWSER, NO_BROWSER);
  const { dir, tmp } = scratch(t);
  const slides = bundledDeck().slides.length;
  const pdf = join(dir, 'handout.pdf');
  const r = run(['export', '-o', pdf], { TMPDIR: tmp, CHROME_PATH: BROWSER }, { timeout: 120_000 });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '', 'the browser says nothing when it succeeds');
  assert.equal(r.stdout, '');
  const bytes = readFileSync(pdf);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(pageCount(bytes), slides, `${slides} slides`);
  assert.deepEqual(readdirSync(tmp), [], 'temporary files removed');

  const bare = join(dir, 'bare.pdf');
  const b = run(['export', '--format', 'pdf', '--no-notes', '-o', bare], { TMPDIR: tmp, CHROME_PATH: BROWSER }, { timeout: 120_000 });
  assert.equal(b.code, 0, b.stderr);
  const bareBytes = readFileSync(bare);
  assert.equal(pageCount(bareBytes), slides);
  assert.ok(bareBytes.length < bytes.length, 'smaller without the notes');
  assertOneLineError(run(['export', '-o', pdf], { CHROME_PATH: BROWSER }), 2, /handout\.pdf: already exists/);
});

test('no browser: one line saying what to install and about CHROME_PATH, exit 2, nothing written', (t) => {
  const { dir, tmp } = scratch(t);
  const pdf = join(dir, 'handout.pdf');
  const empty = join(dir, 'empty-bin');
  mkdirSync(empty);
  const r = run(['export', '-o', pdf], { TMPDIR: tmp, CHROME_PATH: join(dir, 'nowhere', 'chrome'), PATH: empty });
  assertOneLineError(r, 2, /CHROME_PATH \(.*nowhere\/chrome\) is not a browser that can be run: .*install Chromium, Google Chrome or Microsoft Edge/);
  const none = run(['export', '-o', pdf], {
    TMPDIR: tmp,
    CHROME_PATH: undefined,
    CHROMIUM_PATH: undefined,
    BRIEF_PRESENT_BROWSER_CANDIDATES: posix ? 'chromium:google-chrome:msedge' : undefined,
    PATH: empty,
  });
  if (posix) assertOneLineError(none, 2, /no Chromium-family browser found: .*or set CHROME_PATH to one$/m);
  assert.equal(existsSync(pdf), false);
  assert.deepEqual(readdirSync(tmp), []);
});

/** A stand-in browser: a shell script. */
function fakeBrowser(dir: string, script: string): string {
  const path = join(dir, 'fake-chrome');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

test('a browser that fails: one line with its last words and status, exit 2, nothing left', { skip: !posix }, (t) => {
  const { dir, tmp } = scratch(t);
  const chrome = fakeBrowser(dir, 'echo "noise one" >&2\necho "[ERROR] cannot open display" >&2\nexit 3');
  const pdf = join(dir, 'handout.pdf');
  const r = run(['export', '-o', pdf], { TMPDIR: tmp, CHROME_PATH: chrome });
  assertOneLineError(r, 2, /handout\.pdf: the browser could not print the PDF: .*fake-chrome exited with status 3: \[ERROR\] cannot open display$/m);
  assert.equal(existsSync(pdf), false);
  assert.deepEqual(readdirSync(tmp), [], 'temporary files removed');

  // Status 0 but no PDF (or not a PDF) is a failure too.
  const liar = fakeBrowser(dir, 'for a in "$@"; do case "$a" in --print-to-pdf=*) echo hello > "${a#--print-to-pdf=}";; esac; done');
  assertOneLineError(run(['export', '-o', pdf], { TMPDIR: tmp, CHROME_PATH: liar }), 2, /fake-chrome made no PDF$/m);
  assert.equal(existsSync(pdf), false);
  assert.deepEqual(readdirSync(tmp), []);
});

test('a browser that hangs is stopped after BRIEF_PRESENT_PDF_TIMEOUT seconds', { skip: !posix }, (t) => {
  const { dir, tmp } = scratch(t);
  const chrome = fakeBrowser(dir, 'exec sleep 30');
  const pdf = join(dir, 'handout.pdf');
  const r = run(['export', '-o', pdf], { TMPDIR: tmp, CHROME_PATH: chrome, BRIEF_PRESENT_PDF_TIMEOUT: '1' });
  assertOneLineError(r, 2, /no PDF after 1 s \(.*fake-chrome was stopped\)$/m);
  assert.ok(r.ms < 15_000, `${r.ms} ms`);
  assert.deepEqual(readdirSync(tmp), []);
});

test('the browser command line: headless, --no-sandbox only for root, no header or footer', () => {
  const args = browserArgs('/t/handout.html', '/t/out.pdf', '/t/profile', false);
  for (const a of ['--headless', '--disable-gpu', '--print-to-pdf=/t/out.pdf', '--no-pdf-header-footer', '--user-data-dir=/t/profile']) {
    assert.ok(args.includes(a), a);
  }
  assert.ok(!args.includes('--no-sandbox'));
  assert.ok(browserArgs('/t/h.html', '/t/o.pdf', '/t/p', true).includes('--no-sandbox'));
  assert.equal(args[args.length - 1], 'file:///t/handout.html');
});
