// The HTML handout in a real browser: headless Chromium, Chrome or Edge (found by
// test/helpers/browser.ts) driven by playwright-core. It renders the deck, fetches
// nothing, runs nothing, fits a phone, has a dark scheme, and prints one slide to a
// page. Without a browser the tests are one skipped line saying what to install;
// with BRIEF_PRESENT_REQUIRE_BROWSER=1 (.ci/run) that line is a failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseFiles } from '../../src/deck/parse.js';
import { exportDeck } from '../../src/render/export/index.js';
import { browserRequired, findBrowser, NO_BROWSER } from '../helpers/browser.js';
import { bundledDeck } from '../helpers/cli.js';
import { pngBytes } from '../helpers/images.js';

const BROWSER = findBrowser();
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../fixtures/export/hostile.md', import.meta.url));

let browser: Browser | undefined;

/** A test that needs the browser: without one, all of them are the one line below. */
const browserTest: (name: string, fn: () => Promise<void>) => void = BROWSER ? test : () => undefined;
if (!BROWSER) {
  if (browserRequired()) test('the HTML handout in a browser', () => assert.fail(NO_BROWSER));
  else test('the HTML handout in a browser', { skip: NO_BROWSER }, () => undefined);
}

before(async () => {
  if (!BROWSER) return;
  browser = await chromium.launch({
    executablePath: BROWSER,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  url: string;
  /** Every request the page made, the document itself included. */
  requests: string[];
  dialogs: string[];
  errors: string[];
}

/** Write the handout to test-artifacts/ and open it from its file:// URL. */
async function open(html: string, name: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const file = `${ARTIFACTS}${name}`;
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser!.newPage({ viewport });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, dialogs, errors };
}

const deck = bundledDeck();
const html = exportDeck(deck, 'html');

browserTest('the handout renders the title, one element per slide and the notes', async () => {
  const { page } = await open(html, 'handout.html');
  try {
    assert.equal(await page.title(), deck.meta.title);
    assert.equal((await page.locator('h1').innerText()).trim(), deck.meta.title);
    assert.ok(await page.locator('.subtitle').isVisible());
    const ids = await page.locator('.slide').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(
      ids,
      deck.slides.map((s) => `slide-${s.index + 1}`),
      'one .slide element per slide, in order',
    );
    const withNotes = deck.slides.filter((s) => s.notes.trim());
    assert.equal(await page.locator('.slide .notes').count(), withNotes.length);
    for (const s of withNotes) {
      const text = await page.locator(`#slide-${s.index + 1} .notes`).innerText();
      const firstWords = s.notes.split(/\s+/).slice(0, 6).join(' ');
      assert.ok(text.replace(/\s+/g, ' ').includes(firstWords), `notes of slide ${s.index + 1}`);
    }
    // Every section is a heading, and the contents link to every section and slide.
    for (const section of deck.sections.filter((x) => x.title)) {
      assert.ok(await page.getByRole('heading', { name: section.title, exact: true }).count(), section.title);
    }
    const targets = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const t of targets) assert.equal(await page.locator(t!).count(), 1, `target ${t}`);
    await page.screenshot({ path: `${ARTIFACTS}handout.png`, fullPage: true });
  } finally {
    await page.close();
  }
});

browserTest('nothing is fetched and nothing runs: the document is the only request', async () => {
  for (const [name, doc] of [
    ['handout.html', html],
    ['hostile.html', exportDeck(parseFiles([{ path: HOSTILE, text: readFileSync(HOSTILE, 'utf8') }]), 'html')],
  ] as const) {
    const { page, url, requests, dialogs, errors } = await open(doc, name);
    try {
      // Give anything that would load late (lazy images, fonts) the chance to ask.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requests, [url], `${name}: requests besides the document`);
      assert.deepEqual(dialogs, [], `${name}: dialogs`);
      assert.deepEqual(errors, [], `${name}: page errors`);
      assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined, name);
      assert.equal(await page.locator('script, img, iframe, link, object, embed').count(), 0, name);
    } finally {
      await page.close();
    }
  }
});

browserTest('on a phone the page fits the screen: no sideways scrolling', async () => {
  const { page } = await open(html, 'handout-phone.html', { width: 360, height: 740 });
  try {
    const { scroll, inner } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
    }));
    assert.ok(scroll <= inner, `page is ${scroll}px wide on a ${inner}px screen`);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(fontSize >= 14, `body text ${fontSize}px`);
    await page.screenshot({ path: `${ARTIFACTS}handout-phone.png` });
  } finally {
    await page.close();
  }
});

browserTest('the dark colour scheme changes the background and text colours', async () => {
  const { page } = await open(html, 'handout-dark.html');
  try {
    const colours = () =>
      page.evaluate(() => {
        const s = getComputedStyle(document.body);
        const card = getComputedStyle(document.querySelector('.slide:not(.title-slide)')!);
        return { bg: s.backgroundColor, fg: s.color, card: card.backgroundColor };
      });
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await colours();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    assert.notEqual(dark.bg, light.bg, 'background');
    assert.notEqual(dark.fg, light.fg, 'text');
    assert.notEqual(dark.card, light.card, 'slide background');
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    assert.ok(lum(dark.bg) < lum(dark.fg), `dark: light text on a dark background (${dark.fg} on ${dark.bg})`);
    assert.ok(lum(light.bg) > lum(light.fg), `light: dark text on a light background (${light.fg} on ${light.bg})`);
    await page.screenshot({ path: `${ARTIFACTS}handout-dark.png` });
  } finally {
    await page.close();
  }
});

browserTest('print: every slide starts a page, with its notes under it', async () => {
  const { page } = await open(html, 'handout-print.html');
  try {
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const slides = await page.locator('.slide').evaluateAll((els) =>
      els.map((e) => {
        const s = getComputedStyle(e);
        const part = e.parentElement!;
        const first = e.previousElementSibling?.tagName === 'H2';
        return {
          id: e.id,
          own: s.breakBefore === 'page' || s.getPropertyValue('page-break-before') === 'always',
          // The first slide of a section shares its page with the section heading; the section starts the page.
          viaSection: first && part.classList.contains('part') && getComputedStyle(part).breakBefore === 'page',
          notesInside: e.querySelectorAll('.notes').length,
        };
      }),
    );
    assert.equal(slides.length, deck.slides.length);
    slides.forEach((s, i) => {
      if (i === 0) return; // the title slide opens the document
      assert.ok(s.own || s.viaSection, `${s.id} starts a new page`);
    });
    assert.equal(
      slides.reduce((n, s) => n + s.notesInside, 0),
      deck.slides.filter((s) => s.notes.trim()).length,
    );
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(255, 255, 255)', 'prints on white whatever the screen scheme');
    // And the printed document really has a page per slide (plus the contents).
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= deck.slides.length + 1, `${pages} pages for ${deck.slides.length} slides`);
    writeFileSync(`${ARTIFACTS}handout.pdf`, pdf);
  } finally {
    await page.close();
  }
});

browserTest('Mermaid charts are inline SVG pictures and flowcharts their text drawing, fetching nothing', async () => {
  const path = fileURLToPath(new URL('../fixtures/diagrams.md', import.meta.url));
  const doc = exportDeck(parseFiles([{ path, text: readFileSync(path, 'utf8') }]), 'html');
  const { page, url, requests, errors } = await open(doc, 'diagrams.html');
  try {
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requests, [url], 'requests besides the document');
    assert.deepEqual(errors, []);
    const charts = page.locator('svg.chart');
    assert.equal(await charts.count(), 2, 'the pie and the bar/line chart');
    for (let i = 0; i < 2; i++) {
      const box = await charts.nth(i).boundingBox();
      assert.ok(box && box.width > 200 && box.height > 100, `chart ${i + 1} is drawn: ${JSON.stringify(box)}`);
    }
    // The pie: one slice per section, its legend with the values and percentages.
    const pie = charts.nth(0);
    assert.equal(await pie.locator('path').count(), 4);
    const legend = await pie.locator('text').allTextContents();
    assert.ok(legend.includes('Staff: 412, 64.8%'), legend.join(' | '));
    // The bars and the line of the xychart, and its categories.
    const xy = charts.nth(1);
    assert.equal(await xy.locator('rect').count(), 4);
    assert.equal(await xy.locator('polyline[stroke-width]').count(), 1);
    for (const q of ['Q1', 'Q2', 'Q3', 'Q4']) assert.ok(await xy.getByText(q, { exact: true }).count(), q);
    const flow = await page.locator('pre.diagram').innerText();
    for (const label of ['Request', 'Valid?', 'Process', 'Reject', 'Done']) assert.ok(flow.includes(label), label);
    assert.match(await page.locator('.diagram-note').first().innerText(), /sequenceDiagram is shown as source/);
    await page.screenshot({ path: `${ARTIFACTS}diagrams.png`, fullPage: true });
  } finally {
    await page.close();
  }
});

browserTest('a picture embedded as a data URI is drawn, and still nothing is fetched', async () => {
  const png = pngBytes(8, 4, (x) => (x < 4 ? [255, 0, 0] : [0, 0, 255]));
  const pictureDeck = parseFiles([{ path: 'pictures.md', text: '# A flag\n\n![Red and blue](flag.png)\n\n![Away](https://example.com/a.png)\n' }]);
  const withPicture = exportDeck(pictureDeck, 'html', {
    picture: (href) => (href === 'flag.png' ? `data:image/png;base64,${png.toString('base64')}` : undefined),
  });
  const { page, url, requests, errors } = await open(withPicture, 'handout-picture.html');
  try {
    const size = await page.locator('img.picture').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    assert.deepEqual(size, [8, 4], 'the picture decoded under the page\'s Content-Security-Policy');
    assert.equal(await page.locator('img').count(), 1, 'the remote picture is text');
    assert.deepEqual(requests.filter((r) => r !== url && !r.startsWith('data:')), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
