/**
 * Mermaid `pie` charts (pie.langium): `pie [showData] [title …]`, a `title`
 * line, and `"label" : value` sections. Drawn as labelled horizontal bars,
 * longest for the largest slice, with percentages (and values with showData).
 */
import type { Theme } from '../theme.js';
import { displayWidth } from '../wrap.js';
import { fit, hbar, percentages } from './bars.js';
import { formatNumber, MermaidError, type MermaidSource } from './source.js';

export interface PieChart {
  kind: 'pie';
  title?: string;
  showData: boolean;
  slices: { label: string; value: number }[];
}

export function parsePie(src: MermaidSource): PieChart {
  let head = src.head;
  let showData = false;
  if (/^showData\b/.test(head)) {
    showData = true;
    head = head.slice('showData'.length).trim();
  }
  let title = src.title;
  const t = /^title(?:\s+(.*))?$/.exec(head);
  if (t) title = t[1]?.trim() || title;
  else if (head) throw new MermaidError(`pie: unexpected "${head}"`, src.headLine);
  const slices: PieChart['slices'] = [];
  for (const { text, line } of src.lines) {
    const tl = /^title(?:\s+(.*))?$/.exec(text);
    if (tl) {
      title = tl[1]?.trim() || title;
      continue;
    }
    if (text === 'showData') {
      showData = true;
      continue;
    }
    const m = /^("([^"]*)"|'([^']*)')\s*:\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*;?$/.exec(text);
    if (!m) throw new MermaidError(`pie: expected "label" : value, found ${text}`, line);
    const value = Number(m[4]);
    if (value < 0) throw new MermaidError(`pie: a slice cannot be negative (${m[4]})`, line);
    slices.push({ label: m[2] ?? m[3], value });
  }
  if (!slices.length) throw new MermaidError('pie: no slices', src.headLine);
  return { kind: 'pie', title, showData, slices };
}

/** The chart as lines no wider than `width`. */
export function drawPie(chart: PieChart, width: number, theme: Theme): string[] {
  const out: string[] = [];
  if (chart.title) out.push(theme.subheading(fit(chart.title, width).trimEnd()));
  const pct = percentages(chart.slices.map((s) => s.value));
  const pctText = pct.map((p) => `${p.toFixed(1)}%`);
  const valText = chart.slices.map((s) => formatNumber(s.value));
  const valW = chart.showData ? Math.max(...valText.map((v) => v.length)) : 0;
  const pctW = Math.max(...pctText.map((p) => p.length));
  const numbers = (valW ? valW + 2 : 0) + pctW;
  const maxLabel = Math.max(...chart.slices.map((s) => displayWidth(s.label)));
  // The label column takes what it needs, up to a third of the width; the bar takes the rest.
  const labelW = Math.max(1, Math.min(maxLabel, Math.floor(width / 3)));
  const barW = width - labelW - numbers - 2;
  const max = Math.max(...chart.slices.map((s) => s.value));
  chart.slices.forEach((s, i) => {
    const nums = (valW ? fit(valText[i], valW, true) + '  ' : '') + fit(pctText[i], pctW, true);
    if (barW < 4) {
      // Too narrow for bars: the label and its numbers.
      out.push(fit(s.label, Math.max(1, width - numbers - 1)) + ' ' + theme.muted(nums));
      return;
    }
    const bar = hbar(max > 0 ? (s.value / max) * barW : 0) || '▏';
    const pad = ' '.repeat(barW - displayWidth(bar));
    out.push(`${fit(s.label, labelW)} ${theme.accent(bar)}${pad} ${theme.muted(nums)}`);
  });
  return out;
}
