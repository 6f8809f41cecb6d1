/**
 * Mermaid `xychart-beta` (xychart.jison): `[horizontal]`, `title`,
 * `x-axis [title] [a, b, …]` or `x-axis [title] min --> max`,
 * `y-axis [title] [min --> max]`, `bar [title] [n, …]`, `line [title] [n, …]`.
 */
import { MermaidError, takeLabel, unquote, type MermaidSource } from './source.js';

export interface XYSeries {
  type: 'bar' | 'line';
  name?: string;
  values: number[];
}

export interface XYChart {
  kind: 'xychart';
  horizontal: boolean;
  title?: string;
  xTitle?: string;
  /** Category names, one per data point. */
  categories: string[];
  yTitle?: string;
  yMin: number;
  yMax: number;
  series: XYSeries[];
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function list(text: string, line: number): string[] {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) throw new MermaidError(`xychart: expected [ … ], found ${t}`, line);
  const inner = t.slice(1, -1);
  const items: string[] = [];
  let rest = inner.trim();
  while (rest) {
    const l = takeLabel(rest);
    if (!l) throw new MermaidError(`xychart: cannot read ${rest}`, line);
    items.push(l.value.trim());
    rest = l.rest.trim();
    if (rest.startsWith(',')) rest = rest.slice(1).trim();
    else if (rest) throw new MermaidError(`xychart: expected "," in ${t}`, line);
  }
  return items;
}

function numbers(text: string, line: number): number[] {
  return list(text, line).map((n) => {
    if (!NUMBER.test(n)) throw new MermaidError(`xychart: not a number: ${n}`, line);
    return Number(n);
  });
}

/** `[title] rest`: a leading title (quoted, or a word that does not start the data). */
function titled(text: string): { title?: string; rest: string } {
  const t = text.trim();
  if (!t || t.startsWith('[') || /^[+-]?[\d.]/.test(t)) return { rest: t };
  const l = takeLabel(t);
  if (!l) return { rest: t };
  return { title: l.value, rest: l.rest.trim() };
}

function range(text: string, line: number): [number, number] | null {
  const m = /^(\S+)\s*-->\s*(\S+)$/.exec(text.trim());
  if (!m) return null;
  if (!NUMBER.test(m[1]) || !NUMBER.test(m[2])) throw new MermaidError(`xychart: bad range ${text.trim()}`, line);
  return [Number(m[1]), Number(m[2])];
}

export function parseXYChart(src: MermaidSource): XYChart {
  let horizontal = false;
  if (src.head === 'horizontal') horizontal = true;
  else if (src.head && src.head !== 'vertical') throw new MermaidError(`xychart: unexpected "${src.head}"`, src.headLine);
  let title = src.title;
  let xTitle: string | undefined;
  let yTitle: string | undefined;
  let categories: string[] | undefined;
  let xRange: [number, number] | undefined;
  let yRange: [number, number] | undefined;
  const series: XYSeries[] = [];
  for (const { text, line } of src.lines) {
    const m = /^(title|x-axis|y-axis|bar|line)\b\s*(.*)$/.exec(text);
    if (!m) throw new MermaidError(`xychart: unexpected "${text}"`, line);
    const [, word, rest] = m;
    if (word === 'title') {
      title = unquote(rest);
      continue;
    }
    const { title: t, rest: data } = titled(rest);
    if (word === 'x-axis') {
      xTitle = t;
      if (!data) continue;
      const r = range(data, line);
      if (r) xRange = r;
      else categories = list(data, line);
    } else if (word === 'y-axis') {
      yTitle = t;
      if (!data) continue;
      const r = range(data, line);
      if (!r) throw new MermaidError(`xychart: y-axis takes min --> max, found ${data}`, line);
      yRange = r;
    } else {
      const values = numbers(data, line);
      if (!values.length) throw new MermaidError(`xychart: ${word} has no values`, line);
      series.push({ type: word as 'bar' | 'line', name: t, values });
    }
  }
  if (!series.length) throw new MermaidError('xychart: no bar or line data', src.headLine);
  const n = Math.max(...series.map((s) => s.values.length));
  if (!categories) {
    const [a, b] = xRange ?? [1, n];
    const step = n > 1 ? (b - a) / (n - 1) : 0;
    categories = Array.from({ length: n }, (_, i) => String(Number.parseFloat((a + step * i).toPrecision(6))));
  }
  while (categories.length < n) categories.push('');
  const all = series.flatMap((s) => s.values);
  let [yMin, yMax] = yRange ?? [Math.min(0, ...all), Math.max(...all)];
  if (yMax === yMin) yMax = yMin + 1;
  if (yMax < yMin) [yMin, yMax] = [yMax, yMin];
  return { kind: 'xychart', horizontal, title, xTitle, categories, yTitle, yMin, yMax, series };
}
