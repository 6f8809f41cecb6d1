// Mermaid flowcharts: the grammar read, and the drawing: boxes apart, every label shown, arrows joined.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawMermaid, flowGrid, parseMermaid } from '../../src/render/mermaid/index.js';
import type { Flowchart } from '../../src/render/mermaid/flow-parse.js';
import { makeTheme } from '../../src/render/theme.js';
import { stripSgr } from '../../src/render/ansi.js';
import { displayWidth } from '../../src/render/wrap.js';

const theme = makeTheme(0);

function flow(src: string): Flowchart {
  const p = parseMermaid(src);
  assert.ok('diagram' in p && p.diagram.kind === 'flowchart', 'problem' in p ? p.problem.note : 'a flowchart');
  return p.diagram as Flowchart;
}

test('flowchart grammar: shapes, quoted labels, edge kinds, both label forms, chains, & and subgraphs', () => {
  const f = flow(`---
title: Grammar
---
%%{init: {"flowchart": {"curve": "basis"}}}%%
graph LR
  %% comment
  A[Rect] --> B(Round) & C([Stadium])
  B -.-> D{"Is it, [really]?"}
  C ==> D
  D -->|yes| E((Circle)) --- F{{Hex}}
  D -- no way --> G[["Sub"]]; G --x H>Flag]
  H <--> A
  subgraph S1 [Group]
    I:::warn --o J@{ shape: rect, label: "New syntax" }
  end
  classDef warn fill:#f00
  style A fill:#eee
  click A callback
  K --> L ~~~ M`);
  assert.equal(f.dir, 'LR');
  const node = (id: string) => f.nodes.find((n) => n.id === id)!;
  assert.deepEqual(
    ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((id) => [node(id).label, node(id).shape]),
    [
      ['Rect', 'rect'],
      ['Round', 'round'],
      ['Stadium', 'stadium'],
      ['Is it, [really]?', 'diamond'],
      ['Circle', 'circle'],
      ['Hex', 'hexagon'],
      ['Sub', 'subroutine'],
      ['Flag', 'other'],
    ],
  );
  assert.equal(node('J').label, 'New syntax');
  const edge = (a: string, b: string) => f.edges.find((e) => e.from === a && e.to === b)!;
  assert.deepEqual(
    [edge('A', 'B'), edge('A', 'C')].map((e) => [e.style, e.head]),
    [['normal', 'arrow'], ['normal', 'arrow']],
  );
  assert.equal(edge('B', 'D').style, 'dotted');
  assert.equal(edge('C', 'D').style, 'thick');
  assert.equal(edge('D', 'E').label, 'yes');
  assert.deepEqual([edge('E', 'F').head, edge('E', 'F').style], ['none', 'normal']);
  assert.equal(edge('D', 'G').label, 'no way');
  assert.equal(edge('G', 'H').head, 'cross');
  assert.deepEqual([edge('H', 'A').head, edge('H', 'A').tail], ['arrow', 'arrow']);
  assert.equal(edge('I', 'J').head, 'circle');
  assert.ok(!f.edges.some((e) => e.to === 'M'), 'an invisible link draws nothing');
  assert.ok(node('M'), 'but its node is there');
});

test('flowchart directions: TD, TB, BT, LR, RL and graph without one', () => {
  for (const [head, dir] of [['flowchart TD', 'TD'], ['flowchart TB', 'TD'], ['graph BT', 'BT'], ['flowchart RL', 'RL'], ['graph', 'TD']]) {
    assert.equal(flow(`${head}\nA-->B`).dir, dir);
  }
  const p = parseMermaid('flowchart XY\nA-->B');
  assert.ok('problem' in p && /unknown direction "XY"/.test(p.problem.note));
});

const GRAPHS = [
  `flowchart TD
    A[Christmas] -->|Get money| B(Go shopping)
    B --> C{Let me think}
    C -->|One| D[Laptop]
    C -->|Two| E[iPhone]
    C -->|Three| F[Car]`,
  `graph LR
    A[Start] --> B{Is it?}
    B -- Yes --> C[OK]
    C --> D[Rethink]
    D --> B
    B -- No ----> E[End]`,
  `flowchart BT
    a & b --> c --> d
    a -.-> d
    b ==> d`,
  `flowchart RL
    s([Source]) --> p1[Parse] --> p2[Check] --> out((Out))
    s --> p2
    p1 -.->|retry| s`,
  `graph TD
    A --> B & C & D
    B & C & D --> E
    E --> A`,
];

/** Every arrow head points at a box border next to it, with its line behind it. */
function headsJoined(rows: string[]): number {
  const at = (r: number, c: number) => rows[r]?.[c] ?? ' ';
  const steps: Record<string, [number, number]> = { '▼': [1, 0], '▲': [-1, 0], '►': [0, 1], '◄': [0, -1] };
  let heads = 0;
  rows.forEach((row, r) => {
    [...row].forEach((ch, c) => {
      const step = steps[ch];
      if (!step) return;
      heads++;
      const ahead = at(r + step[0], c + step[1]);
      const behind = at(r - step[0], c - step[1]);
      assert.ok(/[─┴┬├┤<>()║│]/.test(ahead), `head ${ch} at ${r},${c} points at "${ahead}"`);
      assert.ok(behind !== ' ', `head ${ch} at ${r},${c} has a line behind it`);
    });
  });
  return heads;
}

test('flowcharts at 40, 80 and 120 columns: within the width, boxes apart, every label shown, arrows joined', () => {
  for (const src of GRAPHS) {
    const chart = flow(src);
    for (const w of [40, 80, 120]) {
      const r = drawMermaid(src, w, theme);
      if ('problem' in r) {
        assert.match(r.problem.note, /^mermaid: flowchart needs \d+ columns, \d+ fit; shown as source$/);
        assert.ok(w < 80, `${chart.dir} chart drawn at ${w}`);
        continue;
      }
      const lines = r.lines.map(stripSgr);
      for (const l of lines) assert.ok(displayWidth(l) <= w, `"${l}" is wider than ${w}`);
      const text = lines.join('\n');
      for (const n of chart.nodes) for (const word of n.label.split(/\s+/)) assert.ok(text.includes(word), `label ${word}`);
      for (const e of chart.edges) if (e.label) assert.ok(text.includes(e.label), `edge label ${e.label}`);
      const heads = headsJoined(lines);
      assert.ok(heads >= new Set(chart.edges.filter((e) => e.head === 'arrow').map((e) => e.to)).size, 'a head at each target');
    }
    for (const labels of [24, 10, 6]) {
      const grid = flowGrid(chart, labels);
      assert.equal(grid.overdrawn, 0, `nothing under a box or label (${chart.dir}, ${labels})`);
      assert.equal(grid.boxes.length, chart.nodes.length);
      for (const a of grid.boxes) {
        for (const b of grid.boxes) {
          if (a === b) continue;
          const apart = a.r + a.h <= b.r || b.r + b.h <= a.r || a.c + a.w <= b.c || b.c + b.w <= a.c;
          assert.ok(apart, `${a.id} and ${b.id} overlap`);
        }
      }
    }
  }
});

test('a chain is drawn top-down in order, each box joined to the next by an arrow', () => {
  const r = drawMermaid('flowchart TD\nA[One] --> B[Two] --> C[Three]', 40, theme);
  assert.ok('lines' in r);
  const lines = r.lines.map(stripSgr);
  const row = (label: string) => lines.findIndex((l) => l.includes(label));
  assert.ok(row('One') < row('Two') && row('Two') < row('Three'));
  assert.equal(lines.filter((l) => l.trim() === '▼').length, 2);
  const bt = drawMermaid('flowchart BT\nA[One] --> B[Two]', 40, theme);
  assert.ok('lines' in bt);
  const up = bt.lines.map(stripSgr);
  assert.ok(up.findIndex((l) => l.includes('Two')) < up.findIndex((l) => l.includes('One')));
  assert.ok(up.some((l) => l.trim() === '▲'));
});

test('shapes are drawn differently: rectangle, round, stadium, diamond', () => {
  const r = drawMermaid('flowchart TD\nA[rect] --- B(round) --- C([stadium]) --- D{diamond}', 120, theme);
  assert.ok('lines' in r);
  const text = r.lines.join('\n');
  assert.match(text, /┌─+┐/);
  assert.match(text, /╭[─┴]+╮\n │ round │/);
  assert.match(text, /\( stadium \)/);
  assert.match(text, /╱[─┴]+╲\n< diamond >/);
  assert.ok(!/[►◄▼▲]/.test(text), 'links without arrows have no heads');
});

test('a flowchart too wide for the width says so, and a broken one says where', () => {
  const wide = `flowchart LR\n${Array.from({ length: 12 }, (_, i) => `A${i}[A long node label ${i}] --> A${i + 1}[Another long label ${i}]`).join('\n')}`;
  const r = drawMermaid(wide, 80, theme);
  assert.ok('problem' in r && /^mermaid: flowchart needs \d+ columns, 80 fit; shown as source$/.test(r.problem.note));
  const bad = drawMermaid('flowchart TD\nA --> B\nC --> [oops]', 80, theme);
  assert.ok('problem' in bad && bad.problem.line === 2 && /line 3: flowchart: expected a node/.test(bad.problem.note));
  const end = drawMermaid('flowchart TD\nA --> B\nend', 80, theme);
  assert.ok('problem' in end && /"end" without a subgraph/.test(end.problem.note));
});

test('cycles and self-loops are drawn without losing an edge', () => {
  const r = drawMermaid('flowchart TD\nA --> B --> C --> A\nB --> B', 80, theme);
  assert.ok('lines' in r);
  const lines = r.lines.map(stripSgr);
  assert.ok(lines.some((l) => l.includes('↺')), 'the loop is said in its node');
  assert.equal(headsJoined(lines), 3);
});

test('edge labels with or without spaces, and the ends of each kind of link', () => {
  const one = (src: string) => {
    const [e] = flow(`graph TD\n${src}`).edges;
    return [e.style, e.tail, e.head, e.label ?? ''].join(' ');
  };
  assert.equal(one('A--text-->B'), 'normal none arrow text');
  assert.equal(one('A-- text --- B'), 'normal none none text');
  assert.equal(one('A-. dotted .->B'), 'dotted none arrow dotted');
  assert.equal(one('A == thick ==> B'), 'thick none arrow thick');
  assert.equal(one('A-.-B'), 'dotted none none ');
  assert.equal(one('A ---->|"quoted, long"| B'), 'normal none arrow quoted, long');
  assert.equal(one('A x--x B'), 'normal cross cross ');
  assert.equal(one('A["a<br>b"] --> B'), 'normal none arrow ');
  assert.equal(flow('graph TD\nA["a<br>b `x`"] --> B').nodes[0].label, 'a\nb `x`');
  assert.equal(flow('graph TD\nA["`**Bold** text`"]').nodes[0].label, 'Bold text');
});

test('a flowchart whose edges span too many layers, or with too many nodes, is shown as source', () => {
  const chain = Array.from({ length: 299 }, (_, i) => `N${i} --> N${i + 1}`);
  const back = Array.from({ length: 299 }, (_, i) => `N${299 - i} --> N${i % 7}`);
  const r = drawMermaid(['graph TD', ...chain, ...back].join('\n'), 120, theme);
  assert.ok('problem' in r && r.problem.note === 'mermaid: flowchart is too large to lay out; shown as source');
  const many = drawMermaid(['graph TD', ...Array.from({ length: 301 }, (_, i) => `M${i}`)].join('\n'), 120, theme);
  assert.ok('problem' in many && /flowchart has 301 nodes, more than 300 are not drawn/.test(many.problem.note));
});
