/**
 * A saved web page as an article: its title, author and date from the page's
 * own markup, and the text of its article (the first `<article>`, else
 * `<main>`, else the body) as headings and paragraphs. Scripts, styles, forms,
 * navigation, footers, sidebars and comment, share and related-post blocks are
 * left out. No DOM: one pass over the tags. Pure.
 */
import type { Block } from './source.js';

export interface Page {
  title?: string;
  author?: string;
  date?: string;
  blocks: Block[];
}

/** Elements whose content is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'aside', 'form', 'button', 'select',
  'textarea', 'iframe', 'object', 'canvas', 'head', 'dialog', 'menu',
]);
/** Elements whose content is raw text (no tags inside). */
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const BLOCK = new Set([
  'p', 'div', 'li', 'blockquote', 'pre', 'section', 'article', 'main', 'header', 'tr', 'table', 'ul', 'ol', 'dl',
  'dt', 'dd', 'figcaption', 'hr', 'br', 'address', 'body', 'td', 'th',
]);
/** class, id or role of page furniture. */
const FURNITURE_ATTR =
  /(^|[\s_-])(comments?|respond|reply|share|sharing|sharedaddy|social|related|relatedposts|navigation|nav|menu|sidebar|widgets?|site-header|site-footer|masthead|footer|cookies?|banner|breadcrumbs?|subscribe|newsletter|advert|ads|author-bio|skip-link|screen-reader-text)($|[\s_-])/i;
const FURNITURE_ROLE = /^(navigation|banner|contentinfo|complementary|search|form|dialog)$/i;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018',
  rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', sbquo: '\u201a', bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', deg: '\u00b0', middot: '\u00b7', bull: '\u2022', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2', times: '\u00d7',
  eacute: '\u00e9', egrave: '\u00e8', ecirc: '\u00ea', euml: '\u00eb', aacute: '\u00e1', agrave: '\u00e0', acirc: '\u00e2', auml: '\u00e4', atilde: '\u00e3',
  aring: '\u00e5', ccedil: '\u00e7', iacute: '\u00ed', igrave: '\u00ec', icirc: '\u00ee', iuml: '\u00ef', oacute: '\u00f3', ograve: '\u00f2', ocirc: '\u00f4',
  ouml: '\u00f6', otilde: '\u00f5', oslash: '\u00f8', uacute: '\u00fa', ugrave: '\u00f9', ucirc: '\u00fb', uuml: '\u00fc', ntilde: '\u00f1', szlig: '\u00df',
  Eacute: '\u00c9', Agrave: '\u00c0', Ccedil: '\u00c7', Ouml: '\u00d6', Uuml: '\u00dc', Auml: '\u00c4', shy: '', zwj: '', zwnj: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 && !(n >= 0xd800 && n < 0xe000) ? String.fromCodePoint(n) : '';
    }
    return Object.hasOwn(NAMED, e) ? NAMED[e] : all;
  });
}

/** The attributes of a start tag's text (after its name). */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].toLowerCase();
    if (!Object.hasOwn(out, name)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Open {
  name: string;
  skip: boolean;
  region?: 'article' | 'main';
}

/** The page's article and what its markup says about it. */
export function htmlSource(html: string): Page {
  const meta: Record<string, string> = {};
  let docTitle: string | undefined;
  let timeText: string | undefined;
  const blocks: { block: Block; region: Set<string> }[] = [];
  const stack: Open[] = [];
  let text = '';
  let heading = 0;
  let articles = 0;
  let skipping = 0;
  const regions = () => new Set(stack.filter((o) => o.region).map((o) => `${o.region}${o.region === 'article' ? articles : ''}`));
  const flush = () => {
    const t = oneLine(text);
    text = '';
    if (!t) return;
    blocks.push({ block: heading ? { kind: 'heading', level: heading, text: t } : { kind: 'para', text: t }, region: regions() });
  };

  const lower = html.toLowerCase();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const chunk = html.slice(i, lt < 0 ? html.length : lt);
    if (!skipping) text += decodeEntities(chunk);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt, lt + 4096));
    if (!tag) {
      if (/^<[!?]/.test(html.slice(lt, lt + 2))) {
        const end = html.indexOf('>', lt);
        i = end < 0 ? html.length : end + 1;
      } else {
        if (!skipping) text += '<';
        i = lt + 1;
      }
      continue;
    }
    i = lt + tag[0].length;
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (!closing) {
      const attrs = attributes(tag[3]);
      if (name === 'meta') {
        const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').toLowerCase();
        if (key && attrs.content !== undefined && !Object.hasOwn(meta, key)) meta[key] = oneLine(attrs.content);
      }
      if (name === 'time' && timeText === undefined && !skipping) timeText = attrs.datetime ?? '';
      if (RAW.has(name)) {
        const end = lower.indexOf(`</${name}`, i);
        const raw = html.slice(i, end < 0 ? html.length : end);
        if (name === 'title' && docTitle === undefined) docTitle = oneLine(decodeEntities(raw));
        i = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
        continue;
      }
      if (VOID.has(name) || tag[3].trimEnd().endsWith('/')) {
        if (BLOCK.has(name)) flush();
        continue;
      }
      const furniture =
        SKIP.has(name) ||
        FURNITURE_ATTR.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) ||
        FURNITURE_ROLE.test(attrs.role ?? '');
      const h = /^h([1-6])$/.exec(name);
      if (!skipping && (BLOCK.has(name) || h)) flush();
      if (h && !skipping) heading = Number(h[1]);
      if (name === 'article') articles++;
      const region = name === 'article' ? 'article' : name === 'main' || attrs.role === 'main' ? 'main' : undefined;
      stack.push({ name, skip: furniture, region });
      if (furniture) skipping++;
      continue;
    }
    // A closing tag closes the nearest open element of that name, and any left open inside it.
    const at = stack.map((o) => o.name).lastIndexOf(name);
    if (at < 0) continue;
    if (!skipping && (BLOCK.has(name) || /^h[1-6]$/.test(name))) flush();
    for (const o of stack.splice(at)) if (o.skip) skipping--;
    if (/^h[1-6]$/.test(name)) heading = 0;
  }
  flush();

  const inFirst = (r: string) => blocks.filter((b) => b.region.has(r)).map((b) => b.block);
  const article = inFirst('article1');
  const main = inFirst('main');
  const chosen = article.some((b) => b.kind === 'para') ? article : main.some((b) => b.kind === 'para') ? main : blocks.map((b) => b.block);

  const h1 = chosen.find((b) => b.kind === 'heading' && b.level === 1) ?? blocks.find((b) => b.block.kind === 'heading' && b.block.level === 1)?.block;
  const page: Page = { blocks: chosen };
  const title = h1?.text || meta['og:title'] || docTitle;
  if (title) page.title = title;
  const author = meta.author ?? meta['article:author'] ?? meta['dc.creator'];
  if (author && !/^https?:/i.test(author)) page.author = author;
  const date =
    meta['article:published_time'] ?? meta.date ?? meta.pubdate ?? meta['publish-date'] ?? meta['dc.date'] ?? timeText;
  if (date) page.date = /^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? date;
  return page;
}
