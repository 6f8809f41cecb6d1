/**
 * A layered flowchart placed and drawn on a grid of characters: boxes in
 * their layers (each shape its own border), edges routed in the channel
 * between two layers (each turn on a track of its own, so lines never run
 * through a box), arrow heads at the box they point to, edge labels as text
 * on the edge. Laid out top-down or left-right; bottom-up and right-left are
 * those, mirrored.
 */
import type { Theme } from '../theme.js';
import { displayWidth, wrapLine } from '../wrap.js';
import { layerGraph, type LNode } from './flow-layout.js';
import type { Direction, EdgeEnd, EdgeStyle, Flowchart, Shape } from './flow-parse.js';

const U = 1;
const D = 2;
const L = 4;
const R = 8;
const LIGHT = ' │││─┘┐┤─└┌├─┴┬┼';
const HEAVY = ' ┃┃┃━┛┓┫━┗┏┣━┻┳╋';

interface Cell {
  ch: string;
  bits: number;
  style?: EdgeStyle;
  role?: 'box' | 'text' | 'label' | 'line';
}

/** Border characters: top-left, top, top-right, left, right, bottom-left, bottom, bottom-right. */
const BORDERS: Record<Shape, string> = {
  rect: '┌─┐││└─┘',
  other: '┌─┐││└─┘',
  round: '╭─╮││╰─╯',
  circle: '╭─╮││╰─╯',
  stadium: '╭─╮()╰─╯',
  diamond: '╱─╲<>╲─╱',
  hexagon: '╱─╲││╲─╱',
  subroutine: '┌─┐║║└─┘',
};

export interface FlowGrid {
  rows: Cell[][];
  width: number;
  /** Where each node's box is (in the chart's order of nodes). */
  boxes: { id: string; r: number; c: number; h: number; w: number }[];
  /** Cells a box or label was drawn over that already held something (never, when laid out right). */
  overdrawn: number;
}

/** Lay out and draw on a grid; labels wrapped at `maxLabel` columns. */
export function flowGrid(chart: Flowchart, maxLabel: number): FlowGrid {
  const wrap = (t: string) => t.split('\n').flatMap((l) => (l ? wrapLine(l, maxLabel) : ['']));
  const g = layerGraph(chart, wrap);
  const dir: Direction = chart.dir;
  const across = dir === 'LR' || dir === 'RL';
  const textW = (v: LNode) => Math.max(1, ...v.text.map(displayWidth));
  // Sizes along the layers (cross) and from layer to layer (main).
  // A box is long enough on the sides its edges leave and arrive by to give each its own port.
  const ports = new Array<number>(g.nodes.length).fill(0);
  const degree = (key: 'from' | 'to') => {
    const n = new Array<number>(g.nodes.length).fill(0);
    for (const s of g.segs) ports[s[key]] = Math.max(ports[s[key]], ++n[s[key]]);
  };
  degree('from');
  degree('to');
  const size = g.nodes.map((v, i) => {
    const inner = across ? textW(v) : Math.max(textW(v), 2 * ports[i] - 3);
    const w = v.kind === 'node' ? inner + 4 : v.kind === 'label' ? textW(v) : 1;
    const h = v.kind === 'node' ? Math.max(v.text.length, across ? ports[i] : 0) + 2 : v.kind === 'label' ? v.text.length : 1;
    return across ? { cross: h, main: w } : { cross: w, main: h };
  });
  const gap = across ? 1 : 2;
  const start = new Array<number>(g.nodes.length).fill(0);
  const centre = (v: number) => start[v] + Math.floor((size[v].cross - 1) / 2);
  const ups: number[][] = g.nodes.map(() => []);
  const downs: number[][] = g.nodes.map(() => []);
  for (const s of g.segs) {
    downs[s.from].push(s.to);
    ups[s.to].push(s.from);
  }
  const place = (layer: number[], want: (v: number) => number) => {
    let end = -Infinity;
    for (const v of layer) {
      start[v] = Math.max(Math.round(want(v) - (size[v].cross - 1) / 2), end + gap);
      end = start[v] + size[v].cross;
    }
  };
  for (const layer of g.layers) place(layer, () => 0);
  const mean = (ns: number[], v: number) => (ns.length ? ns.reduce((s, u) => s + centre(u), 0) / ns.length : centre(v));
  for (let iter = 0; iter < 4; iter++) {
    for (let k = 1; k < g.layers.length; k++) place(g.layers[k], (v) => mean(ups[v], v));
    for (let k = g.layers.length - 2; k >= 0; k--) place(g.layers[k], (v) => mean(downs[v], v));
  }
  const min = Math.min(...start);
  for (let v = 0; v < start.length; v++) start[v] -= min;

  // Ports: a node's pieces leave and arrive spread along its side, in the order of their other ends.
  const outPort = new Map<number, number>();
  const inPort = new Map<number, number>();
  const spread = (v: number, segIdx: number[], other: (i: number) => number, into: Map<number, number>) => {
    segIdx.sort((a, b) => other(a) - other(b));
    const m = segIdx.length;
    const lo = g.nodes[v].kind === 'node' ? start[v] + 1 : centre(v);
    const hi = g.nodes[v].kind === 'node' ? start[v] + size[v].cross - 2 : centre(v);
    segIdx.forEach((si, i) => {
      const p = centre(v) + Math.round((i - (m - 1) / 2) * (across ? 1 : 2));
      into.set(si, Math.max(lo, Math.min(hi, p)));
    });
  };
  const outsOf: number[][] = g.nodes.map(() => []);
  const insOf: number[][] = g.nodes.map(() => []);
  g.segs.forEach((s, i) => {
    outsOf[s.from].push(i);
    insOf[s.to].push(i);
  });
  const setPorts = (v: number) => {
    spread(v, outsOf[v], (i) => centre(g.segs[i].to), outPort);
    spread(v, insOf[v], (i) => centre(g.segs[i].from), inPort);
  };
  g.nodes.forEach((_, v) => setPorts(v));
  // Straighten: a node joined by one piece moves in line with its other end, when its layer has room.
  const straighten = (v: number, j: number, layer: number[], si: number, sign: number) => {
    const shift = sign * (outPort.get(si)! - inPort.get(si)!);
    const lo = j > 0 ? start[layer[j - 1]] + size[layer[j - 1]].cross + gap : 0;
    const hi = j + 1 < layer.length ? start[layer[j + 1]] - gap - size[v].cross : Infinity;
    if (!shift || start[v] + shift < lo || start[v] + shift > hi) return;
    start[v] += shift;
    setPorts(v);
    for (const o of outsOf[v]) setPorts(g.segs[o].to);
    for (const o of insOf[v]) setPorts(g.segs[o].from);
  };
  for (const layer of g.layers) layer.forEach((v, j) => insOf[v].length === 1 && straighten(v, j, layer, insOf[v][0], 1));
  for (const layer of [...g.layers].reverse()) {
    layer.forEach((v, j) => outsOf[v].length === 1 && straighten(v, j, layer, outsOf[v][0], -1));
  }
  const crossTotal = Math.max(...start.map((s, v) => s + size[v].cross));

  // Tracks: in each channel, a turning piece gets a row (or column) shared only with pieces it cannot touch.
  const track = new Map<number, number>();
  const tracks = g.layers.map((layer) => {
    const here = g.segs
      .map((s, i) => i)
      .filter((i) => g.nodes[g.segs[i].from].layer === g.nodes[layer[0]]?.layer && outPort.get(i) !== inPort.get(i));
    const right = here.filter((i) => inPort.get(i)! > outPort.get(i)!).sort((a, b) => outPort.get(b)! - outPort.get(a)!);
    const left = here.filter((i) => inPort.get(i)! < outPort.get(i)!).sort((a, b) => outPort.get(a)! - outPort.get(b)!);
    const used: [number, number][][] = [];
    for (const i of [...right, ...left]) {
      const a = Math.min(outPort.get(i)!, inPort.get(i)!);
      const b = Math.max(outPort.get(i)!, inPort.get(i)!);
      let t = used.findIndex((spans) => spans.every(([x, y]) => b + 1 < x || a > y + 1));
      if (t < 0) t = used.push([]) - 1;
      used[t].push([a, b]);
      track.set(i, t);
    }
    return used.length;
  });
  const entry = across ? 2 : 1;
  // Top-down, a line leaves a box straight into its track, unless a head is drawn under the box.
  const exit = g.layers.map((_, k) =>
    across || g.edges.some((e) => g.nodes[e.chain[0]].layer === k && (e.reversed ? e.edge.head : e.edge.tail) !== 'none')
      ? 1
      : 0,
  );
  const ext = g.layers.map((layer) => Math.max(1, ...layer.map((v) => size[v].main)));
  const layerStart: number[] = [];
  let m = 0;
  g.layers.forEach((_, k) => {
    layerStart.push(m);
    m += ext[k] + (k < g.layers.length - 1 ? exit[k] + tracks[k] + entry : 0);
  });
  const mainTotal = m;
  const ms = (v: number) => layerStart[g.nodes[v].layer];
  const inCell = (v: number) => (g.nodes[v].kind === 'label' ? ms(v) - 1 : ms(v));
  const outCell = (v: number) => (g.nodes[v].kind === 'node' ? ms(v) + size[v].main - 1 : g.nodes[v].kind === 'label' ? ms(v) + size[v].main : ms(v));

  // The physical grid: main and cross coordinates to rows and columns.
  const flip = dir === 'BT' || dir === 'RL';
  const H = across ? crossTotal : mainTotal;
  const W = across ? mainTotal : crossTotal;
  const rows: Cell[][] = Array.from({ length: H }, () => Array.from({ length: W }, () => ({ ch: ' ', bits: 0 })));
  const at = (mm: number, c: number): [number, number] => {
    const mmm = flip ? mainTotal - 1 - mm : mm;
    return across ? [c, mmm] : [mmm, c];
  };
  const link = (a: [number, number], b: [number, number], style: EdgeStyle) => {
    const [r1, c1] = a;
    const [r2, c2] = b;
    const dr = Math.sign(r2 - r1);
    const dc = Math.sign(c2 - c1);
    let r = r1;
    let c = c1;
    while (r !== r2 || c !== c2) {
      const here = rows[r][c];
      here.bits |= dr > 0 ? D : dr < 0 ? U : dc > 0 ? R : L;
      here.style = style;
      r += dr;
      c += dc;
      const next = rows[r][c];
      next.bits |= dr > 0 ? U : dr < 0 ? D : dc > 0 ? L : R;
      next.style = style;
    }
  };
  g.segs.forEach((s, i) => {
    const style = g.edges[s.edge].edge.style;
    const p = outPort.get(i)!;
    const q = inPort.get(i)!;
    const from = at(outCell(s.from), p);
    const to = at(inCell(s.to), q);
    // Each end joins what it leaves or reaches (a label's text has no border to join).
    const back = across ? (flip ? R : L) : flip ? D : U;
    const fwd = across ? (flip ? L : R) : flip ? U : D;
    if (g.nodes[s.from].kind === 'label') rows[from[0]][from[1]].bits |= back;
    if (g.nodes[s.to].kind === 'label') rows[to[0]][to[1]].bits |= fwd;
    if (p === q) return link(from, to, style);
    const k = g.nodes[s.from].layer;
    const tr = ms(s.from) + ext[k] + exit[k] + track.get(i)!;
    link(from, at(tr, p), style);
    link(at(tr, p), at(tr, q), style);
    link(at(tr, q), to, style);
  });
  for (const row of rows) {
    for (const cell of row) {
      if (!cell.bits) continue;
      cell.role = 'line';
      const straightV = (cell.bits & (L | R)) === 0;
      const straightH = (cell.bits & (U | D)) === 0;
      if (cell.style === 'dotted' && straightV) cell.ch = '┆';
      else if (cell.style === 'dotted' && straightH) cell.ch = '┄';
      else cell.ch = (cell.style === 'thick' ? HEAVY : LIGHT)[cell.bits];
    }
  }
  // Arrow heads (and crosses, circles) next to the box they point to.
  const heads: Record<Direction, [string, string]> = { TD: ['▼', '▲'], BT: ['▲', '▼'], LR: ['►', '◄'], RL: ['◄', '►'] };
  const head = (end: EdgeEnd, mm: number, c: number, forward: boolean) => {
    if (end === 'none') return;
    const [r, col] = at(mm, c);
    const ch = end === 'cross' ? '×' : end === 'circle' ? '○' : heads[dir][forward ? 0 : 1];
    rows[r][col] = { ch, bits: 0, role: 'line' };
  };
  g.edges.forEach((e) => {
    const first = g.segs.findIndex((s) => s.from === e.chain[0] && s.to === e.chain[1] && g.edges[s.edge] === e);
    const last = g.segs.findIndex((s) => s.to === e.chain[e.chain.length - 1] && s.from === e.chain[e.chain.length - 2] && g.edges[s.edge] === e);
    const endHead = e.reversed ? e.edge.tail : e.edge.head;
    const startHead = e.reversed ? e.edge.head : e.edge.tail;
    const b = e.chain[e.chain.length - 1];
    head(endHead, inCell(b) - 1, inPort.get(last)!, true);
    head(startHead, outCell(e.chain[0]) + 1, outPort.get(first)!, false);
  });
  // Boxes and labels over the lines (a line ends on a box's border, joined to it).
  const boxes: FlowGrid['boxes'] = [];
  let overdrawn = 0;
  g.nodes.forEach((v, i) => {
    if (v.kind === 'dummy') return;
    const [r0a, c0a] = at(ms(i), start[i]);
    const [r0b, c0b] = at(ms(i) + size[i].main - 1, start[i] + size[i].cross - 1);
    const r0 = Math.min(r0a, r0b);
    const c0 = Math.min(c0a, c0b);
    const h = Math.abs(r0b - r0a) + 1;
    const w = Math.abs(c0b - c0a) + 1;
    for (let r = r0; r < r0 + h; r++) {
      for (let c = c0; c < c0 + w; c++) {
        const inside = r > r0 && r < r0 + h - 1 && c > c0 && c < c0 + w - 1;
        const role = rows[r][c].role;
        if (role && (inside || v.kind === 'label' || role !== 'line')) overdrawn++;
      }
    }
    if (v.kind === 'node') boxes.push({ id: chart.nodes[i].id, r: r0, c: c0, h, w });
    const text = (r: number, line: string, role: 'text' | 'label') => {
      const lw = displayWidth(line);
      const x = c0 + Math.floor((w - lw) / 2);
      for (let k = 0; k < lw; k++) rows[r][x + k] = { ch: k === 0 ? line : '', bits: 0, role };
    };
    if (v.kind === 'label') {
      v.text.forEach((line, k) => text(r0 + k, line, 'label'));
      return;
    }
    const b = BORDERS[v.shape];
    const border = (r: number, c: number, ch: string, bits: number) => {
      const cell = rows[r][c];
      cell.ch = cell.bits && cell.role === 'line' ? LIGHT[cell.bits | bits] : ch;
      cell.role = 'box';
    };
    for (let c = c0; c < c0 + w; c++) {
      const edge = c === c0 ? 0 : c === c0 + w - 1 ? 2 : 1;
      border(r0, c, b[edge], edge === 0 ? R : edge === 2 ? L : L | R);
      border(r0 + h - 1, c, b[5 + edge], edge === 0 ? R : edge === 2 ? L : L | R);
    }
    for (let r = r0 + 1; r < r0 + h - 1; r++) {
      border(r, c0, b[3], U | D);
      border(r, c0 + w - 1, b[4], U | D);
      for (let c = c0 + 1; c < c0 + w - 1; c++) rows[r][c] = { ch: ' ', bits: 0, role: 'text' };
    }
    const top = r0 + 1 + Math.floor((h - 2 - v.text.length) / 2);
    v.text.forEach((line, k) => text(top + k, line, 'text'));
  });
  return { rows, width: W, boxes, overdrawn };
}
