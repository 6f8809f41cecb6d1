/**
 * The handout as one self-contained HTML file: inline CSS, no script, nothing
 * fetched (no remote images, fonts or style sheets; a Content-Security-Policy says
 * so too), light and dark colour schemes, readable on a phone, and printed
 * one slide to a page with its notes under it.
 *
 * Deck Markdown is rendered by its own `Marked` instance. Raw HTML in a deck
 * is shown as text, never as markup; links are live only for http(s) and
 * mailto; pictures the caller found on disk are embedded as data URIs (the
 * only thing besides styles the page may load), others show their alt text.
 */
import { Marked, Renderer, type Tokens } from 'marked';
import type { Deck, Slide } from '../../deck/types.js';
import { pushAll } from '../lines.js';
import { isMermaid } from '../mermaid/index.js';
import { mermaidHtml } from '../mermaid/svg.js';
import { markingColours } from '../themes.js';
import { makeHandout, oneLine, titleLines, type Handout, type HandoutSlide } from './outline.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A link target that may stay live: http(s) or mailto, nothing else. */
export function safeHref(href: string): string | undefined {
  const h = href.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(h)) return undefined;
  try {
    return encodeURI(h).replace(/%25/g, '%');
  } catch {
    return undefined;
  }
}

interface HtmlMarkdown {
  block(markdown: string): string;
  inline(markdown: string): string;
  /** The slide whose Markdown is rendered next (pictures are found beside its file). */
  slide?: Slide;
}

/** A picture of a slide as a `data:` URI, when it is a picture on disk; else undefined. */
export type PictureData = (href: string, slide: Slide) => string | undefined;

/** Markdown → safe HTML, headings no higher than `minHeading`. */
function htmlMarkdown(minHeading: number, picture?: PictureData): HtmlMarkdown {
  const md: HtmlMarkdown = { block: () => '', inline: () => '' };
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading({ tokens, depth }) {
        const level = Math.min(6, Math.max(minHeading, depth));
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      html(token: Tokens.HTML | Tokens.Tag) {
        const block = 'block' in token && token.block;
        return block ? `<p class="raw-html">${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text);
      },
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        if (!safe) {
          // Not a web or mail address: the text, and the address as text.
          return href && text !== escapeHtml(href) ? `${text} <span class="href">(${escapeHtml(href)})</span>` : text;
        }
        const t = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(safe)}"${t} rel="noopener noreferrer">${text}</a>`;
      },
      image({ href, title, text }) {
        const data = href && md.slide && picture ? picture(href, md.slide) : undefined;
        if (data) {
          const t = title ? ` title="${escapeHtml(title)}"` : '';
          return `<img class="picture" src="${escapeHtml(data)}" alt="${escapeHtml(text || title || href)}"${t}>`;
        }
        // Never fetched: the alt text, and where the picture would come from as text.
        const label = text || title || href;
        const from = href && href !== label ? ` <span class="href">(${escapeHtml(href)})</span>` : '';
        return `<span class="image">[image: ${escapeHtml(label)}]${from}</span>`;
      },
      code(token: Tokens.Code) {
        // Charts as pictures, flowcharts as their drawing (nothing fetched); other code as marked draws it.
        return isMermaid(token.lang) ? mermaidHtml(token.text, escapeHtml) : false;
      },
      table(token) {
        return `<div class="table">${Renderer.prototype.table.call(this, token)}</div>\n`;
      },
    },
  });
  // marked gives up on some input (its recursion overflows on thousands of
  // `*` in a row): that Markdown is shown as written, as text.
  return Object.assign(md, {
    block(markdown: string) {
      try {
        return marked.parse(markdown, { async: false }) as string;
      } catch {
        return `<p class="as-written">${escapeHtml(markdown)}</p>\n`;
      }
    },
    inline(markdown: string) {
      try {
        return marked.parseInline(markdown, { async: false }) as string;
      } catch {
        return escapeHtml(markdown);
      }
    },
  });
}

const CSS = `
:root{color-scheme:light dark;--bg:#f6f6f3;--fg:#1c1e21;--muted:#5c6368;--card:#fff;--line:#d8dbde;
--accent:#0a58a8;--notes:#f5f0e1;--notes-line:#b8901e;--code:#eef0f2;--banner:#1d6f30;--banner-fg:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#131517;--fg:#e4e4e0;--muted:#9ca4ab;--card:#1c1f23;
--line:#353a40;--accent:#80b8f0;--notes:#29251a;--notes-line:#a7852a;--code:#272b30;--banner:#2b7a3d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:break-word;
font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:50rem;margin:0 auto;padding:1rem .75rem 3rem}
h1{font-size:1.9rem;line-height:1.2;margin:.2em 0}
h2{font-size:1.45rem;line-height:1.25;margin:2rem 0 .5rem}
h3{font-size:1.2rem}h4,h5,h6{font-size:1.05rem;margin:1rem 0 .4rem}
a{color:var(--accent)}
.title-block{text-align:center;padding:1.5rem 1rem}
.subtitle{font-size:1.2rem;margin:.3rem 0}.byline{color:var(--muted);margin:.3rem 0}
.classification{margin:0;padding:.3rem;text-align:center;font-weight:700;letter-spacing:.06em;
background:var(--banner);color:var(--banner-fg)}
.toc ul{padding-left:1.2rem;margin:.3rem 0}.toc li{margin:.15rem 0}
.slide{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.9rem 1rem;margin:1rem 0}
.slide>h2:first-child,.slide>h3:first-child{margin-top:0}
.slide-title .num{color:var(--muted);font-weight:600}
.notes{margin:1rem 0 0;padding:.6rem .9rem;background:var(--notes);border-left:4px solid var(--notes-line);
border-radius:0 .4rem .4rem 0}
.notes-label{margin:0 0 .3rem;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.06em;
color:var(--muted)}
.notes>:last-child{margin-bottom:0}
pre{background:var(--code);padding:.7rem .8rem;border-radius:.3rem;overflow-x:auto;line-height:1.4}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
:not(pre)>code{background:var(--code);padding:.05em .3em;border-radius:.2em}
.table{overflow-x:auto;margin:.8rem 0}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:.3rem .6rem;text-align:left;vertical-align:top}
blockquote{margin:.8rem 0;padding:0 0 0 .9rem;border-left:3px solid var(--line);color:var(--muted)}
.as-written{white-space:pre-wrap}
.raw-html{white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;color:var(--muted)}
.image,.href,.diagram-note{color:var(--muted)}
.picture{display:block;max-width:100%;height:auto;margin:.6rem auto}
figure.diagram{margin:.8rem 0}svg.chart{display:block;width:100%;max-width:37.5rem;height:auto}
svg.chart path{stroke:var(--card);stroke-width:1}pre.diagram{line-height:1.2}
.diagram-source summary{color:var(--muted);font-size:.85em;cursor:pointer}
@media print{.diagram-source{display:none}}
hr{border:0;border-top:1px solid var(--line)}
@media (min-width:40rem){main{padding:2rem 1.5rem 4rem}.slide{padding:1.25rem 1.75rem}}
@media print{
:root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#444;--card:#fff;--line:#999;--notes:#fff;--code:#f2f2f2;
--accent:#000;--banner:#fff;--banner-fg:#000}
@page{margin:16mm 15mm}
body{font-size:11pt}
main{max-width:none;padding:0}
.classification{border:1px solid #000}
.toc{break-before:page;page-break-before:always}
.part{break-before:page;page-break-before:always}
.slide{break-before:page;page-break-before:always;border:0;border-radius:0;padding:0;margin:0}
.part>h2+.slide,.title-block.slide{break-before:auto;page-break-before:auto}
.part>h2{break-after:avoid;page-break-after:avoid}
.notes{break-inside:avoid;page-break-inside:avoid;border-left-width:2px}
pre{white-space:pre-wrap}
a[href^="http"]::after,a[href^="mailto:"]::after{content:" <" attr(href) ">";color:var(--muted);font-size:.85em}
}`;

/** A CSS string literal for any text (classification marks in print). */
function cssString(text: string): string {
  return '"' + text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `) + '"';
}

function slideHtml(s: HandoutSlide, level: number, md: HtmlMarkdown): string {
  const title = s.heading !== undefined ? md.inline(s.heading) : '';
  const num = s.heading !== undefined ? `${s.mark}.` : `Slide ${s.mark}`;
  const tag = `h${level}`;
  const heading = `<${tag} class="slide-title"><span class="num">${num}</span>${title ? ' ' + title : ''}</${tag}>`;
  const out = [`<section class="slide" id="slide-${s.number}">`, heading];
  md.slide = s.slide;
  if (s.body) out.push(md.block(s.body).trim());
  if (s.notes) out.push(notesHtml(s.notes, md));
  out.push('</section>');
  return out.join('\n');
}

function notesHtml(notes: string, md: HtmlMarkdown): string {
  const label = '<p class="notes-label">Notes</p>';
  return `<aside class="notes" aria-label="Speaker notes">\n${label}\n${md.block(notes).trim()}\n</aside>`;
}

function titleBlock(h: Handout, md: HtmlMarkdown): string {
  const { title, subtitle, byline } = titleLines(h.meta);
  const inner: string[] = [];
  if (title) inner.push(`<h1>${md.inline(oneLine(title))}</h1>`);
  if (subtitle) inner.push(`<p class="subtitle">${md.inline(oneLine(subtitle))}</p>`);
  if (byline) inner.push(`<p class="byline">${md.inline(oneLine(byline))}</p>`);
  if (h.cover?.notes) inner.push(notesHtml(h.cover.notes, md));
  if (!inner.length) return '';
  const attrs = h.cover ? ' class="title-block slide title-slide" id="slide-1"' : ' class="title-block"';
  return `<header${attrs}>\n${inner.join('\n')}\n</header>`;
}

function tocHtml(h: Handout): string {
  const items: string[] = [];
  const slideItems = (slides: HandoutSlide[]) =>
    slides.map((s) => `<li><a href="#slide-${s.number}">${escapeHtml(s.label)}</a></li>`);
  for (const part of h.parts) {
    if (!part.title) {
      pushAll(items, slideItems(part.slides));
      continue;
    }
    const inner = slideItems(part.slides).join('\n');
    items.push(`<li><a href="#section-${part.section + 1}">${escapeHtml(part.title)}</a>\n<ul>\n${inner}\n</ul></li>`);
  }
  if (!items.length) return '';
  const heading = '<h2 id="contents">Contents</h2>';
  return `<nav class="toc" aria-labelledby="contents">\n${heading}\n<ul>\n${items.join('\n')}\n</ul>\n</nav>`;
}

export interface HtmlOptions {
  /** The table of contents (default true); the page printed to PDF has none: one page per slide. */
  contents?: boolean;
  /** The pictures to embed, as data URIs (others show their alt text). */
  picture?: PictureData;
}

/** The deck as a self-contained HTML handout. */
export function exportHtml(deck: Deck, options: HtmlOptions = {}): string {
  const h = makeHandout(deck);
  const md = htmlMarkdown(h.slideLevel + 1, options.picture);
  const mark = h.meta.classification;
  const banner = mark ? `<p class="classification">${escapeHtml(mark)}</p>` : '';
  const colours = mark ? markingColours(mark) : undefined;
  // A marking's own colours, on screen and on paper.
  const markColours = colours
    ? `\n.classification{--banner:${colours.bg};--banner-fg:${colours.fg};print-color-adjust:exact;-webkit-print-color-adjust:exact}`
    : '';
  const printMark = mark
    ? `\n@media print{.slide::before{content:${cssString(mark)};display:block;text-align:center;` +
      'font-weight:700;font-size:9pt;margin-bottom:.5rem}}'
    : '';

  const body: string[] = [];
  const head = titleBlock(h, md);
  if (head) body.push(head);
  const toc = options.contents === false ? '' : tocHtml(h);
  if (toc) body.push(toc);
  for (const part of h.parts) {
    const id = `section-${part.section + 1}`;
    const slides = part.slides.map((s) => slideHtml(s, h.slideLevel, md)).join('\n');
    if (part.title) {
      body.push(`<section class="part" id="${id}">\n<h2>${escapeHtml(part.title)}</h2>\n${slides}\n</section>`);
    } else {
      body.push(`<div class="part" id="${id}">\n${slides}\n</div>`);
    }
  }

  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; ` +
      `base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="brief-present">',
    `<title>${escapeHtml(h.title)}</title>`,
    `<style>${CSS}${markColours}${printMark}\n</style>`,
    '</head>',
    '<body>',
    ...(banner ? [banner] : []),
    '<main>',
    ...body,
    '</main>',
    ...(banner ? [banner] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
