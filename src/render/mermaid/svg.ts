/**
 * Mermaid blocks in the HTML handout: pie, bar and line charts as inline SVG
 * (nothing fetched; colours that read on light and dark pages), flowcharts as
 * their text drawing in a `<pre>`, anything else as its source under a note.
 */
import { makeTheme } from '../theme.js';
import { percentages } from './bars.js';
import { drawDiagram, parseMermaid } from './index.js';
import type { PieChart } from './pie.js';
import { formatNumber } from './source.js';
import type { XYChart } from './xychart.js';

type Escape = (text: string) => string;

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const f = (n: number) => String(Math.round(n * 10) / 10);
/** How wide a flowchart's text drawing may be in the handout. */
const HANDOUT_COLUMNS = 100;

function pieSvg(chart: PieChart, esc: Escape): string {
  const pct = percentages(chart.slices.map((s) => s.value));
  const total = chart.slices.reduce((a, s) => a + s.value, 0);
  const top = chart.title ? 30 : 10;
  const r = 90;
  const cx = 10 + r;
  const cy = top + r;
  const rowH = 22;
  const height = Math.max(top + 2 * r + 10, top + chart.slices.length * rowH + 10);
  const parts: string[] = [];
  let angle = -Math.PI / 2;
  chart.slices.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length];
    const share = total > 0 ? s.value / total : 0;
    const label = `${esc(s.label)}: ${chart.showData ? esc(formatNumber(s.value)) + ', ' : ''}${pct[i].toFixed(1)}%`;
    if (share >= 0.9999) parts.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${colour}"><title>${label}</title></circle>`);
    else if (share > 0) {
      const end = angle + share * 2 * Math.PI;
      const [x1, y1, x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle), cx + r * Math.cos(end), cy + r * Math.sin(end)];
      const large = share > 0.5 ? 1 : 0;
      parts.push(
        `<path d="M${cx} ${cy}L${f(x1)} ${f(y1)}A${r} ${r} 0 ${large} 1 ${f(x2)} ${f(y2)}Z" fill="${colour}">` +
          `<title>${label}</title></path>`,
      );
      angle = end;
    }
    const y = top + 10 + i * rowH;
    parts.push(`<rect x="${2 * r + 30}" y="${y}" width="14" height="14" fill="${colour}"/>`);
    parts.push(`<text x="${2 * r + 52}" y="${y + 12}">${label}</text>`);
  });
  const title = chart.title ? `<text x="10" y="20" font-weight="700">${esc(chart.title)}</text>` : '';
  return svg(560, height, `${title}${parts.join('')}`, chart.title ?? 'Pie chart');
}

function svg(width: number, height: number, body: string, label: string): string {
  return (
    `<svg class="chart" role="img" aria-label="${label.replace(/[&<>"']/g, '')}" viewBox="0 0 ${width} ${height}" ` +
    `font-size="13" fill="currentColor">${body}</svg>`
  );
}

function xySvg(chart: XYChart, esc: Escape): string {
  const W = 600;
  const H = 320;
  const top = chart.title ? 40 : 15;
  const left = 60;
  const right = 15;
  const bottom = chart.xTitle ? 55 : 35;
  const n = chart.categories.length;
  const span = chart.yMax - chart.yMin;
  const along = chart.horizontal ? H - top - bottom : W - left - right; // the categories' axis
  const across = chart.horizontal ? W - left - right : H - top - bottom; // the values' axis
  const slot = along / n;
  const v = (x: number) => (Math.max(0, Math.min(1, (x - chart.yMin) / span)) * across);
  // A point as (category position, value length) → x, y.
  const at = (c: number, len: number): [number, number] =>
    chart.horizontal ? [left + len, top + c] : [left + c, H - bottom - len];
  const parts: string[] = [];
  for (let t = 0; t <= 4; t++) {
    const value = chart.yMin + (span * t) / 4;
    const [x1, y1] = at(0, (across * t) / 4);
    const [x2, y2] = at(along, (across * t) / 4);
    parts.push(`<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="currentColor" stroke-opacity=".15"/>`);
    const [tx, ty] = chart.horizontal ? [x1, H - bottom + 16] : [left - 6, y1 + 4];
    const anchor = chart.horizontal ? 'middle' : 'end';
    parts.push(`<text x="${f(tx)}" y="${f(ty)}" text-anchor="${anchor}">${esc(formatNumber(value))}</text>`);
  }
  const bars = chart.series.filter((s) => s.type === 'bar');
  const barW = (slot * 0.7) / Math.max(1, bars.length);
  chart.series.forEach((s, k) => {
    const colour = PALETTE[k % PALETTE.length];
    if (s.type === 'bar') {
      const b = bars.indexOf(s);
      s.values.forEach((value, i) => {
        const c0 = i * slot + slot * 0.15 + b * barW;
        const len = v(value);
        const [x, y] = chart.horizontal ? [left, top + c0] : [left + c0, H - bottom - len];
        const [w, h] = chart.horizontal ? [len, barW] : [barW, len];
        const tip = `${esc(chart.categories[i])}: ${esc(formatNumber(value))}`;
        parts.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${colour}"><title>${tip}</title></rect>`);
      });
    } else {
      const pts = s.values.map((value, i) => at(i * slot + slot / 2, v(value)).map(f).join(',')).join(' ');
      parts.push(`<polyline points="${pts}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    }
  });
  chart.categories.forEach((c, i) => {
    const [x, y] = chart.horizontal ? [left - 6, top + i * slot + slot / 2 + 4] : [left + i * slot + slot / 2, H - bottom + 16];
    parts.push(`<text x="${f(x)}" y="${f(y)}" text-anchor="${chart.horizontal ? 'end' : 'middle'}">${esc(c)}</text>`);
  });
  const [ax, ay] = at(0, 0);
  const [bx, by] = at(along, 0);
  const [cx, cy] = at(0, across);
  parts.push(`<polyline points="${f(cx)},${f(cy)} ${f(ax)},${f(ay)} ${f(bx)},${f(by)}" fill="none" stroke="currentColor"/>`);
  if (chart.title) parts.push(`<text x="${W / 2}" y="22" text-anchor="middle" font-weight="700">${esc(chart.title)}</text>`);
  const [catTitle, valTitle] = chart.horizontal ? [chart.yTitle, chart.xTitle] : [chart.xTitle, chart.yTitle];
  if (catTitle) parts.push(`<text x="${left + (W - left - right) / 2}" y="${H - 8}" text-anchor="middle">${esc(catTitle)}</text>`);
  if (valTitle) parts.push(`<text x="14" y="${top + (H - top - bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + (H - top - bottom) / 2})">${esc(valTitle)}</text>`);
  const legend = chart.series.some((s) => s.name)
    ? `<text x="${left}" y="${top - 4}">${chart.series.map((s, k) => `<tspan fill="${PALETTE[k % PALETTE.length]}">■ </tspan>${esc(s.name ?? s.type)}  `).join('')}</text>`
    : '';
  return svg(W, H, parts.join('') + legend, chart.title ?? 'Chart');
}

/** A Mermaid block as handout HTML: the picture, then its source folded away (nothing of the deck is lost). */
export function mermaidHtml(text: string, esc: Escape): string {
  const parsed = parseMermaid(text);
  const source = `<pre><code class="language-mermaid">${esc(text)}</code></pre>`;
  const folded = `<details class="diagram-source"><summary>Mermaid source</summary>${source}</details>\n`;
  if ('problem' in parsed) return `<p class="diagram-note">${esc(parsed.problem.note)}</p>\n${source}\n`;
  const d = parsed.diagram;
  if (d.kind === 'pie') return `<figure class="diagram">${pieSvg(d, esc)}</figure>\n${folded}`;
  if (d.kind === 'xychart') return `<figure class="diagram">${xySvg(d, esc)}</figure>\n${folded}`;
  const drawn = drawDiagram(d, HANDOUT_COLUMNS, makeTheme(0));
  if ('problem' in drawn) return `<p class="diagram-note">${esc(drawn.problem.note)}</p>\n${source}\n`;
  return `<pre class="diagram" role="img" aria-label="Flowchart">${esc(drawn.lines.join('\n'))}</pre>\n${folded}`;
}
