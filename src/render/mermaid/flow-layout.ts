/**
 * A flowchart's nodes in layers (Sugiyama style): cycles broken by turning
 * the edges that close them, layers by longest path (an edge with a label is
 * two layers long: its label sits between them), edges across several layers
 * cut into one-layer pieces through dummy nodes, and the order in each layer
 * chosen by barycentre sweeps, keeping the order with the fewest crossings.
 */
import type { FlowEdge, Flowchart, Shape } from './flow-parse.js';

export interface LNode {
  kind: 'node' | 'dummy' | 'label';
  /** Text lines (a node's or an edge label's), none for a dummy. */
  text: string[];
  shape: Shape;
  layer: number;
}

/** One piece of an edge, between a node of one layer and a node of the next. */
export interface LSeg {
  from: number;
  to: number;
  /** The edge it is part of (index into LEdge list). */
  edge: number;
}

export interface LEdge {
  edge: FlowEdge;
  /** Laid out from its target to its source, closing a cycle. */
  reversed: boolean;
  /** The layout nodes it passes, from its start to its end (as laid out). */
  chain: number[];
}

export interface Layered {
  nodes: LNode[];
  edges: LEdge[];
  segs: LSeg[];
  /** Node indices in each layer, in drawing order. */
  layers: number[][];
}

/** The most one-layer pieces of edges laid out: more would take seconds, and never fit a slide. */
const MAX_PIECES = 2000;

/** A flowchart whose edges span too many layers to lay out. */
export class TooLarge extends Error {}

/** Layers and order for a flowchart; labels are wrapped by `wrap`. */
export function layerGraph(chart: Flowchart, wrap: (text: string) => string[]): Layered {
  const index = new Map(chart.nodes.map((n, i) => [n.id, i]));
  const nodes: LNode[] = chart.nodes.map((n) => ({ kind: 'node', text: wrap(n.label), shape: n.shape, layer: 0 }));
  const n = nodes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const real = chart.edges.filter((e) => {
    if (e.from !== e.to) return true;
    // A node's edge to itself: said in the node, under its label.
    const node = nodes[index.get(e.from)!];
    node.text = node.text.concat(wrap(`↺ ${e.label ?? ''}`.trim()));
    return false;
  });
  real.forEach((e, i) => out[index.get(e.from)!].push(i));

  // Cycles: an edge to a node still on the depth-first path is laid out reversed.
  const reversed = new Set<number>();
  const state = new Uint8Array(n); // 0 new, 1 on path, 2 done
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, k] = top;
      if (k >= out[v].length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const ei = out[v][k];
      const w = index.get(real[ei].to)!;
      if (state[w] === 1) reversed.add(ei);
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  }
  const ends = real.map((e, i) => {
    const a = index.get(e.from)!;
    const b = index.get(e.to)!;
    return reversed.has(i) ? [b, a] : [a, b];
  });

  // Longest path from the sources, in topological order (Kahn).
  const indeg = new Array<number>(n).fill(0);
  const succ: number[][] = Array.from({ length: n }, () => []);
  ends.forEach(([a, b], i) => {
    indeg[b]++;
    succ[a].push(i);
  });
  const queue = nodes.map((_, i) => i).filter((i) => indeg[i] === 0);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const ei of succ[v]) {
      const w = ends[ei][1];
      const len = real[ei].label ? 2 : 1;
      nodes[w].layer = Math.max(nodes[w].layer, nodes[v].layer + len);
      if (--indeg[w] === 0) queue.push(w);
    }
  }

  // Pieces of one layer each, through a label node and dummies (a bounded number of them).
  const pieces = ends.reduce((sum, [a, b]) => sum + nodes[b].layer - nodes[a].layer, 0);
  if (pieces > MAX_PIECES) throw new TooLarge();
  const edges: LEdge[] = [];
  const segs: LSeg[] = [];
  real.forEach((e, i) => {
    const [a, b] = ends[i];
    const chain = [a];
    for (let l = nodes[a].layer + 1; l < nodes[b].layer; l++) {
      const isLabel = e.label && l === nodes[a].layer + 1;
      nodes.push({ kind: isLabel ? 'label' : 'dummy', text: isLabel ? wrap(e.label!) : [], shape: 'rect', layer: l });
      chain.push(nodes.length - 1);
    }
    chain.push(b);
    for (let k = 0; k + 1 < chain.length; k++) segs.push({ from: chain[k], to: chain[k + 1], edge: edges.length });
    edges.push({ edge: e, reversed: reversed.has(i), chain });
  });

  const depth = Math.max(...nodes.map((v) => v.layer)) + 1;
  const layers: number[][] = Array.from({ length: depth }, () => []);
  nodes.forEach((v, i) => layers[v.layer].push(i));
  return { nodes, edges, segs, layers: orderLayers(layers, segs, nodes.length) };
}

/** Crossings between two neighbouring layers, for the pieces between them. */
function crossings(pos: Float64Array, segs: [number, number][]): number {
  let c = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const [a, b] = segs[i];
      const [x, y] = segs[j];
      if ((pos[a] - pos[x]) * (pos[b] - pos[y]) < 0) c++;
    }
  }
  return c;
}

function orderLayers(layers: number[][], segs: LSeg[], count: number): number[][] {
  const pos = new Float64Array(count);
  const place = () => layers.forEach((l) => l.forEach((v, i) => (pos[v] = i)));
  place();
  const up: number[][] = Array.from({ length: count }, () => []);
  const down: number[][] = Array.from({ length: count }, () => []);
  for (const s of segs) {
    down[s.from].push(s.to);
    up[s.to].push(s.from);
  }
  const byLayer: [number, number][][] = layers.map(() => []);
  const layerOf = new Int32Array(count);
  layers.forEach((l, k) => l.forEach((v) => (layerOf[v] = k)));
  for (const s of segs) byLayer[layerOf[s.from]].push([s.from, s.to]);
  const total = () => byLayer.reduce((sum, ss) => sum + crossings(pos, ss), 0);
  // Graphs too big for the pairwise count keep their sweeps without it.
  const countable = segs.length <= 2000;
  let best = layers.map((l) => l.slice());
  let bestCount = countable ? total() : 0;
  const sweep = (k: number, neighbours: number[][]) => {
    const l = layers[k];
    const bary = new Map<number, number>();
    for (const v of l) {
      const ns = neighbours[v];
      bary.set(v, ns.length ? ns.reduce((s, u) => s + pos[u], 0) / ns.length : pos[v]);
    }
    l.sort((a, b) => bary.get(a)! - bary.get(b)! || pos[a] - pos[b]);
    l.forEach((v, i) => (pos[v] = i));
  };
  for (let iter = 0; iter < 8 && countable; iter++) {
    if (iter % 2 === 0) for (let k = 1; k < layers.length; k++) sweep(k, up);
    else for (let k = layers.length - 2; k >= 0; k--) sweep(k, down);
    const c = total();
    if (c < bestCount) {
      bestCount = c;
      best = layers.map((l) => l.slice());
    }
    if (c === 0) break;
  }
  return best;
}
