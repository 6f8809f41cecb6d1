/**
 * Mermaid diagrams drawn as text at a width: `pie`, `xychart-beta` (bars and
 * lines) and `flowchart`/`graph`. Any other kind, a syntax error or a
 * drawing wider than the width is reported, and the caller shows the source.
 */
import type { Theme } from '../theme.js';
import { displayWidth, truncate } from '../wrap.js';
import { stripSgr } from '../ansi.js';
import { flowGrid } from './flow-draw.js';
import { TooLarge } from './flow-layout.js';
import { parseFlowchart, type Flowchart } from './flow-parse.js';
import { drawPie, parsePie, type PieChart } from './pie.js';
import { MermaidError, readSource } from './source.js';
import { drawXYChart } from './xydraw.js';
import { parseXYChart, type XYChart } from './xychart.js';

export type Diagram = PieChart | XYChart | Flowchart;

/** Why a diagram is shown as its source: a one-line note, and the 0-based line of the block it is about. */
export interface MermaidProblem {
  note: string;
  line: number;
}

export type Parsed = { diagram: Diagram } | { problem: MermaidProblem };

/** The narrowest a chart is drawn. */
const MIN_WIDTH = 16;
/** How wide a flowchart's labels may be, tried in turn until the chart fits. */
const LABEL_WIDTHS = [24, 16, 10, 6];
/** The most nodes a flowchart may have to be drawn (a slide holds far fewer). */
const MAX_NODES = 300;

export function parseMermaid(text: string): Parsed {
  const src = readSource(text);
  if (!src) return { problem: { note: 'mermaid: empty diagram; shown as source', line: 0 } };
  try {
    if (src.kind === 'pie') return { diagram: parsePie(src) };
    if (src.kind === 'xychart-beta' || src.kind === 'xychart') return { diagram: parseXYChart(src) };
    if (src.kind === 'flowchart' || src.kind === 'graph' || src.kind === 'flowchart-elk') {
      return { diagram: parseFlowchart(src) };
    }
  } catch (e) {
    if (!(e instanceof MermaidError)) throw e;
    return { problem: { note: `mermaid: line ${e.line + 1}: ${e.message}; shown as source`, line: e.line } };
  }
  return { problem: { note: `mermaid: ${src.kind} is shown as source`, line: src.headLine } };
}

const fits = (lines: string[], width: number) => lines.every((l) => displayWidth(stripSgr(l)) <= width);

/** A flowchart's drawing as lines, or the columns it needs when none fits. */
function drawFlow(chart: Flowchart, width: number, theme: Theme): string[] | number | string {
  if (chart.nodes.length > MAX_NODES || chart.edges.length > 2 * MAX_NODES) {
    return `mermaid: flowchart has ${chart.nodes.length} nodes, more than ${MAX_NODES} are not drawn; shown as source`;
  }
  let need = Infinity;
  for (const labels of LABEL_WIDTHS) {
    let grid: ReturnType<typeof flowGrid>;
    try {
      grid = flowGrid(chart, labels);
    } catch (e) {
      if (e instanceof TooLarge) return 'mermaid: flowchart is too large to lay out; shown as source';
      throw e;
    }
    if (grid.width > width) {
      need = Math.min(need, grid.width);
      continue;
    }
    return grid.rows.map((row) => {
      let out = '';
      for (const cell of row) {
        if (!cell.ch) continue;
        if (cell.role === 'box') out += theme.accent(cell.ch);
        else if (cell.role === 'line') out += theme.muted(cell.ch);
        else if (cell.role === 'label') out += theme.em(cell.ch);
        else out += cell.ch;
      }
      return out.replace(/\s+$/, '');
    });
  }
  return need;
}

/** A parsed diagram drawn at `width`, or why it is not. */
export function drawDiagram(d: Diagram, width: number, theme: Theme): { lines: string[] } | { problem: MermaidProblem } {
  if (width < MIN_WIDTH) return { problem: { note: `mermaid: too narrow to draw (${width} columns); shown as source`, line: 0 } };
  let lines: string[];
  if (d.kind === 'pie') lines = drawPie(d, width, theme);
  else if (d.kind === 'xychart') lines = drawXYChart(d, width, theme);
  else {
    const drawn = drawFlow(d, width, theme);
    if (typeof drawn === 'string') return { problem: { note: drawn, line: 0 } };
    if (typeof drawn === 'number') {
      const note = `mermaid: flowchart needs ${drawn} columns, ${width} fit; shown as source`;
      return { problem: { note, line: 0 } };
    }
    lines = drawn;
  }
  // Drawn to fit; cut anyway rather than let a line run past the slide.
  return { lines: fits(lines, width) ? lines : lines.map((l) => (fits([l], width) ? l : truncate(stripSgr(l), width))) };
}

/** A Mermaid block's text drawn at `width`, or why it is shown as source. */
export function drawMermaid(text: string, width: number, theme: Theme): { lines: string[] } | { problem: MermaidProblem } {
  try {
    const parsed = parseMermaid(text);
    if ('problem' in parsed) return parsed;
    return drawDiagram(parsed.diagram, width, theme);
  } catch {
    // A diagram this code cannot draw is still the author's text: never lose the slide for it.
    return { problem: { note: 'mermaid: this diagram could not be drawn; shown as source', line: 0 } };
  }
}

/** Is a fence's language Mermaid's (```mermaid, or the first word of its info string)? */
export function isMermaid(lang: string | undefined): boolean {
  return /^mermaid\b/i.test(lang?.trim() ?? '');
}

export { flowGrid };
