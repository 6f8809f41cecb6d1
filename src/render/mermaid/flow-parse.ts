/**
 * Mermaid flowcharts (flow.jison): `flowchart`/`graph` and a direction,
 * nodes with their shapes (`A[rect]`, `A(round)`, `A([stadium])`,
 * `A{diamond}`, `A((circle))`, `A{{hexagon}}`…, quoted labels), edges
 * (`-->`, `---`, `-.->`, `==>`, `--x`, `--o`, `<-->`, longer ones, labels as
 * `-->|label|` or `-- label -->`), chains and `&`, `subgraph … end` (its nodes
 * are drawn; the frame is not). Styling statements are read and ignored.
 */
import { MermaidError, type MermaidSource } from './source.js';

export type Shape = 'rect' | 'round' | 'stadium' | 'diamond' | 'circle' | 'hexagon' | 'subroutine' | 'other';
export type EdgeStyle = 'normal' | 'thick' | 'dotted' | 'invisible';
export type EdgeEnd = 'arrow' | 'cross' | 'circle' | 'none';
export type Direction = 'TD' | 'BT' | 'LR' | 'RL';

export interface FlowNode {
  id: string;
  label: string;
  shape: Shape;
}

export interface FlowEdge {
  from: string;
  to: string;
  style: EdgeStyle;
  head: EdgeEnd;
  tail: EdgeEnd;
  label?: string;
}

export interface Flowchart {
  kind: 'flowchart';
  dir: Direction;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

const DIRECTIONS: Record<string, Direction> = { TD: 'TD', TB: 'TD', BT: 'BT', LR: 'LR', RL: 'RL', v: 'TD', '^': 'BT', '>': 'LR', '<': 'RL' };
const IGNORED = /^(classDef|class|style|linkStyle|click|direction|accTitle|accDescr)\b/;
const ID = /^[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*/u;
/** Openings of node shapes, longest first, with their closings. */
const SHAPES: [string, string, Shape][] = [
  ['(((', ')))', 'circle'],
  ['((', '))', 'circle'],
  ['([', '])', 'stadium'],
  ['[[', ']]', 'subroutine'],
  ['[(', ')]', 'other'],
  ['{{', '}}', 'hexagon'],
  ['[/', '/]', 'other'],
  ['[/', '\\]', 'other'],
  ['[\\', '\\]', 'other'],
  ['[\\', '/]', 'other'],
  ['>', ']', 'other'],
  ['(', ')', 'round'],
  ['[', ']', 'rect'],
  ['{', '}', 'diamond'],
];

/** Label text as shown: Markdown strings' backticks and emphasis, `<br>`, entity codes. */
export function cleanLabel(text: string): string {
  let t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1);
  if (t.length >= 2 && t.startsWith('`') && t.endsWith('`')) t = t.slice(1, -1).replace(/\*\*|__|(?<!\w)[*_]|[*_](?!\w)/g, '');
  return t
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/#quot;/g, '"')
    .replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(0x10ffff, Number(n))))
    .split('\n')
    .map((l) => l.trim())
    .join('\n');
}

/** Statements: lines split at `;` outside quotes and brackets. */
function statements(src: MermaidSource): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (const { text, line } of src.lines) {
    let depth = 0;
    let quote = false;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') quote = !quote;
      else if (!quote && '[({'.includes(c)) depth++;
      else if (!quote && '])}'.includes(c)) depth = Math.max(0, depth - 1);
      else if (!quote && depth === 0 && c === ';') {
        out.push({ text: text.slice(start, i).trim(), line });
        start = i + 1;
      }
    }
    out.push({ text: text.slice(start).trim(), line });
  }
  return out.filter((s) => s.text);
}

interface EdgeToken {
  style: EdgeStyle;
  head: EdgeEnd;
  tail: EdgeEnd;
  label?: string;
  length: number;
}

const endOf = (c: string | undefined): EdgeEnd => (c === '>' || c === '<' ? 'arrow' : c === 'x' ? 'cross' : c === 'o' ? 'circle' : 'none');

const LINKS: [RegExp, EdgeStyle][] = [
  [/^([xo<]?)-{2,}([->xo])/, 'normal'],
  [/^([xo<]?)={2,}([=>xo])/, 'thick'],
  [/^([xo<]?)-?\.+-([>xo]?)/, 'dotted'],
  [/^()~{3,}()/, 'invisible'],
];
const TEXT_LINKS: [RegExp, RegExp, EdgeStyle][] = [
  [/^([xo<]?)--(?![->xo])/, /(-{2,}[->xo])/, 'normal'],
  [/^([xo<]?)==(?![=>xo])/, /(={2,}[=>xo])/, 'thick'],
  [/^([xo<]?)-\.(?![.-])/, /(-?\.+-[>xo]?)/, 'dotted'],
];

function edgeAt(text: string): EdgeToken | null {
  for (const [open, close, style] of TEXT_LINKS) {
    const m = open.exec(text);
    if (!m) continue;
    const c = close.exec(text.slice(m[0].length));
    if (!c) continue;
    const label = text.slice(m[0].length, m[0].length + c.index);
    const last = c[1][c[1].length - 1];
    return {
      style,
      tail: endOf(m[1] || undefined),
      head: endOf(last === '-' || last === '=' || last === '.' ? undefined : last),
      label: cleanLabel(label),
      length: m[0].length + c.index + c[0].length,
    };
  }
  for (const [re, style] of LINKS) {
    const m = re.exec(text);
    if (!m) continue;
    let length = m[0].length;
    let label: string | undefined;
    const pipe = /^\s*\|([^|]*)\|/.exec(text.slice(length));
    if (pipe) {
      label = cleanLabel(pipe[1]);
      length += pipe[0].length;
    }
    const last = m[2];
    return { style, tail: endOf(m[1] || undefined), head: endOf(last === '-' || last === '=' ? undefined : last), label, length };
  }
  return null;
}

export function parseFlowchart(src: MermaidSource): Flowchart {
  const dirWord = src.head.replace(/;$/, '').trim();
  const dir = dirWord ? DIRECTIONS[dirWord] : 'TD';
  if (!dir) throw new MermaidError(`flowchart: unknown direction "${dirWord}"`, src.headLine);
  const nodes = new Map<string, FlowNode>();
  const edges: FlowEdge[] = [];
  const node = (id: string) => {
    let n = nodes.get(id);
    if (!n) nodes.set(id, (n = { id, label: id, shape: 'rect' }));
    return n;
  };
  let depth = 0;
  for (const { text, line } of statements(src)) {
    if (IGNORED.test(text)) continue;
    if (/^subgraph\b/.test(text)) {
      depth++;
      continue;
    }
    if (text === 'end') {
      if (depth === 0) throw new MermaidError('flowchart: "end" without a subgraph', line);
      depth--;
      continue;
    }
    let rest = text;
    const fail = (what: string): never => {
      throw new MermaidError(`flowchart: ${what} in "${text}"`, line);
    };
    /** One node reference: an id, then a shape with its label, then `:::class`. */
    const takeNode = (): string => {
      rest = rest.trimStart();
      const m = ID.exec(rest);
      if (!m) fail('expected a node');
      const id = m![0];
      const n = node(id);
      rest = rest.slice(id.length);
      const shape = SHAPES.find(([open]) => rest.startsWith(open));
      if (shape) {
        const [open, close, kind] = shape;
        let body = rest.slice(open.length);
        let end: number;
        if (body.trimStart().startsWith('"')) {
          const q = body.indexOf('"');
          const q2 = body.indexOf('"', q + 1);
          if (q2 < 0) fail('unclosed quote');
          end = body.indexOf(close, q2 + 1);
        } else end = body.indexOf(close);
        if (end < 0) fail(`expected ${close}`);
        n.label = cleanLabel(body.slice(0, end));
        n.shape = kind;
        rest = body.slice(end + close.length);
      } else if (rest.startsWith('@{')) {
        const end = rest.indexOf('}');
        if (end < 0) fail('expected }');
        const label = /label\s*:\s*("([^"]*)"|'([^']*)'|[^,}]+)/.exec(rest.slice(0, end));
        if (label) n.label = cleanLabel(label[2] ?? label[3] ?? label[1]);
        rest = rest.slice(end + 1);
      }
      rest = rest.replace(/^:::[\w-]+/, '');
      return id;
    };
    const takeGroup = (): string[] => {
      const ids = [takeNode()];
      while (/^\s*&/.test(rest)) {
        rest = rest.replace(/^\s*&/, '');
        ids.push(takeNode());
      }
      return ids;
    };
    let from = takeGroup();
    for (;;) {
      rest = rest.trimStart();
      if (!rest) break;
      const e = edgeAt(rest);
      if (!e) fail(`unexpected "${rest}"`);
      rest = rest.slice(e!.length);
      const to = takeGroup();
      if (e!.style !== 'invisible') {
        for (const a of from) for (const b of to) edges.push({ from: a, to: b, style: e!.style, head: e!.head, tail: e!.tail, label: e!.label || undefined });
      }
      from = to;
    }
  }
  if (!nodes.size) throw new MermaidError('flowchart: no nodes', src.headLine);
  return { kind: 'flowchart', dir, nodes: [...nodes.values()], edges };
}
