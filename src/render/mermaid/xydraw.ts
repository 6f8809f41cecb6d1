/**
 * `xychart-beta` drawn in text: vertical bars of lower-eighth blocks, lines in
 * braille dots, a y axis with its scale, category labels under the axis, the
 * values over the bars when they fit; horizontal charts as rows of bars.
 */
import type { Theme } from '../theme.js';
import { stripSgr } from '../ansi.js';
import { displayWidth } from '../wrap.js';
import { fit, hbar, LOWER_EIGHTHS } from './bars.js';
import { formatNumber } from './source.js';
import type { XYChart } from './xychart.js';

type Style = (s: string) => string;
interface Cell {
  ch: string;
  style?: Style;
}

/** A row of cells as one string, each run of one style styled once. */
function joinCells(row: Cell[]): string {
  let out = '';
  let run = '';
  let style: Style | undefined;
  const flush = () => {
    out += style ? style(run) : run;
    run = '';
  };
  for (const c of row) {
    if (c.style !== style) {
      flush();
      style = c.style;
    }
    run += c.ch;
  }
  flush();
  return out;
}

const PLOT_ROWS = 10;
const BRAILLE = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
];

function legend(chart: XYChart, theme: Theme): string | null {
  const named = chart.series.some((s) => s.name);
  if (!named) return null;
  return chart.series
    .map((s, i) => {
      const mark = s.type === 'bar' ? theme.accent('█') : theme.code('⣀');
      return `${mark} ${s.name ?? `${s.type} ${i + 1}`}`;
    })
    .join('  ');
}

export function drawXYChart(chart: XYChart, width: number, theme: Theme): string[] {
  const out: string[] = [];
  if (chart.title) out.push(theme.subheading(fit(chart.title, width).trimEnd()));
  const l = legend(chart, theme);
  if (l) out.push(l);
  const yLabels = [chart.yMax, (chart.yMax + chart.yMin) / 2, chart.yMin].map(formatNumber);
  const yW = Math.max(...yLabels.map((s) => s.length));
  const n = chart.categories.length;
  const plotW = width - yW - 1;
  const slot = Math.floor(plotW / n);
  if (chart.horizontal || slot < 2) return out.concat(drawHorizontal(chart, width, theme));
  if (chart.yTitle) out.push(theme.muted(fit(chart.yTitle, width).trimEnd()));

  const span = chart.yMax - chart.yMin;
  const scale = (v: number) => Math.max(0, Math.min(1, (v - chart.yMin) / span));
  const rows = PLOT_ROWS + 1; // one row over the scale for the values on the tallest bars
  const grid: Cell[][] = Array.from({ length: rows }, () => Array.from({ length: slot * n }, () => ({ ch: ' ' })));
  const bars = chart.series.filter((s) => s.type === 'bar');
  const hasLine = bars.length < chart.series.length;
  const barW = bars.length ? Math.max(1, Math.floor((slot - 1) * 0.7 / bars.length)) : 0;
  const valueW = Math.max(0, ...bars.flatMap((s) => s.values.map((v) => formatNumber(v).length)));
  bars.forEach((s, b) => {
    s.values.forEach((v, i) => {
      const eighths = Math.round(scale(v) * PLOT_ROWS * 8);
      const x0 = i * slot + Math.floor((slot - barW * bars.length) / 2) + b * barW;
      for (let x = x0; x < x0 + barW; x++) {
        for (let r = 0; r < PLOT_ROWS; r++) {
          const fill = Math.max(0, Math.min(8, eighths - r * 8));
          if (fill) grid[rows - 1 - r][x] = { ch: LOWER_EIGHTHS[fill], style: theme.accent };
        }
      }
      // The value over its bar, when it fits in the bar's columns (or the slot, for one series).
      const room = bars.length === 1 ? slot - 1 : barW;
      const text = formatNumber(v);
      if (valueW <= room && !hasLine) {
        const top = rows - 1 - Math.ceil(eighths / 8);
        const start = bars.length === 1 ? i * slot + Math.floor((slot - text.length) / 2) : x0;
        [...text].forEach((ch, k) => (grid[top][start + k] = { ch, style: theme.muted }));
      }
    });
  });
  // Lines: braille dots, two by four to a cell, joined point to point.
  const dots = new Map<number, number>();
  const plot = (x: number, y: number) => {
    const key = Math.floor(y / 4) * (slot * n) + Math.floor(x / 2);
    dots.set(key, (dots.get(key) ?? 0) | BRAILLE[y % 4][x % 2]);
  };
  const dotRows = PLOT_ROWS * 4;
  for (const s of chart.series.filter((s) => s.type === 'line')) {
    const pts = s.values.map((v, i) => [(i * slot + slot / 2) * 2, 4 + dotRows - 1 - Math.round(scale(v) * (dotRows - 1))]);
    pts.forEach(([x, y], i) => {
      const [nx, ny] = pts[i + 1] ?? [x, y];
      const steps = Math.max(Math.abs(nx - x), Math.abs(ny - y), 1);
      for (let k = 0; k <= steps; k++) plot(Math.round(x + ((nx - x) * k) / steps), Math.round(y + ((ny - y) * k) / steps));
    });
  }
  for (const [key, bits] of dots) {
    const r = Math.floor(key / (slot * n));
    grid[r][key % (slot * n)] = { ch: String.fromCharCode(0x2800 + bits), style: theme.code };
  }
  grid.forEach((row, r) => {
    if (r === 0 && row.every((c) => c.ch === ' ')) return; // no values over the bars: no row for them
    const plotRow = r - 1; // 0 is the top of the scale
    const label = plotRow === 0 ? yLabels[0] : plotRow === PLOT_ROWS / 2 ? yLabels[1] : plotRow === PLOT_ROWS - 1 ? yLabels[2] : '';
    const axis = r === 0 ? ' ' : label ? '┤' : '│';
    out.push(theme.muted(fit(label, yW, true) + axis) + joinCells(row).trimEnd());
  });
  out.push(theme.muted(' '.repeat(yW) + '└' + '─'.repeat(slot * n)));
  const cats = chart.categories.map((c) => {
    const w = Math.max(1, slot - 1);
    const t = fit(c, w).trimEnd();
    const left = Math.floor((slot - displayWidth(t)) / 2);
    return ' '.repeat(left) + t + ' '.repeat(slot - left - displayWidth(t));
  });
  out.push(' '.repeat(yW + 1) + cats.join('').trimEnd());
  if (chart.xTitle) {
    const t = fit(chart.xTitle, plotW).trimEnd();
    out.push(theme.muted(' '.repeat(yW + 1 + Math.max(0, Math.floor((slot * n - displayWidth(t)) / 2))) + t));
  }
  return out;
}

/** One row per category and series: the label, a bar (or a dot for a line's point), the value. */
function drawHorizontal(chart: XYChart, width: number, theme: Theme): string[] {
  const out: string[] = [];
  if (chart.yTitle) out.push(theme.muted(fit(chart.yTitle, width).trimEnd()));
  const values = chart.series.flatMap((s) => s.values.map(formatNumber));
  const valW = Math.max(...values.map((v) => v.length));
  const labelW = Math.max(1, Math.min(Math.max(...chart.categories.map(displayWidth)), Math.floor(width / 3)));
  const barW = Math.max(1, width - labelW - valW - 3);
  const span = chart.yMax - chart.yMin;
  const scale = (v: number) => Math.max(0, Math.min(1, (v - chart.yMin) / span)) * barW;
  chart.categories.forEach((c, i) => {
    chart.series.forEach((s, k) => {
      const v = s.values[i];
      if (v === undefined) return;
      const label = fit(k === 0 ? c : '', labelW);
      let mark: string;
      if (s.type === 'bar') mark = theme.accent(hbar(scale(v)) || '▏');
      else mark = ' '.repeat(Math.min(barW - 1, Math.floor(scale(v)))) + theme.code('●');
      const pad = ' '.repeat(Math.max(0, barW - displayWidth(stripSgr(mark))));
      out.push(`${label} ${theme.muted('│')}${mark}${pad} ${theme.muted(fit(formatNumber(v), valW, true))}`);
    });
  });
  if (chart.xTitle) out.push(theme.muted(fit(chart.xTitle, width).trimEnd()));
  return out;
}
