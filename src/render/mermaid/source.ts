/**
 * What every Mermaid diagram's text goes through first: front matter
 * (`---` … `---`, whose `title:` is kept), `%%{init: …}%%` directives and
 * `%%` comments removed, accessibility lines (`accTitle`, `accDescr`) set
 * aside, and the diagram's kind read from its first word.
 */

export interface MermaidSource {
  /** The first word of the diagram (`pie`, `xychart-beta`, `flowchart`, `sequenceDiagram`…). */
  kind: string;
  /** The rest of the first line (`TD`, `showData`, `title …`). */
  head: string;
  /** The lines after the first, trimmed, without comments or blank lines, each with its 0-based line in the block. */
  lines: { text: string; line: number }[];
  /** From front matter `title:`. */
  title?: string;
  /** The 0-based line of the first statement in the block. */
  headLine: number;
}

/** A problem in a diagram's text, at a 0-based line of the block. */
export class MermaidError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** A line without its `%%` comment (Mermaid's comments take the whole line, but a trailing one is common too). */
function uncomment(line: string): string {
  const i = line.indexOf('%%');
  return i < 0 ? line : line.slice(0, i);
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

export function readSource(text: string): MermaidSource | null {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < all.length && all[i].trim() === '') i++;
  let title: string | undefined;
  if (all[i]?.trim() === '---') {
    const end = all.findIndex((l, j) => j > i && l.trim() === '---');
    if (end < 0) return null;
    for (const l of all.slice(i + 1, end)) {
      const m = /^title:\s*(.*)$/.exec(l.trim());
      if (m) title = unquote(m[1]);
    }
    i = end + 1;
  }
  const lines: { text: string; line: number }[] = [];
  let block = false; // inside accDescr { … }
  for (; i < all.length; i++) {
    const raw = all[i];
    if (/^\s*%%\{/.test(raw)) continue; // an init directive: ignored
    const t = uncomment(raw).trim();
    if (block) {
      if (t.includes('}')) block = false;
      continue;
    }
    if (!t) continue;
    if (/^accDescr\s*\{/.test(t)) {
      block = !t.includes('}');
      continue;
    }
    if (/^acc(Title|Descr)\s*:/.test(t)) continue;
    lines.push({ text: t, line: i });
  }
  const first = lines.shift();
  if (!first) return null;
  const m = /^(\S+)\s*(.*)$/.exec(first.text)!;
  return { kind: m[1], head: m[2].trim(), lines, title, headLine: first.line };
}

/** Numbers as people write them: 1234.5 → "1234.5", 0.1 + 0.2 → "0.3". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number.parseFloat(n.toPrecision(6)));
}

/** A quoted string (`"…"`) or a bare word at the start of `text`: its value and what follows. */
export function takeLabel(text: string): { value: string; rest: string } | null {
  const t = text.trimStart();
  if (t.startsWith('"')) {
    const end = t.indexOf('"', 1);
    if (end < 0) return null;
    return { value: t.slice(1, end), rest: t.slice(end + 1) };
  }
  const m = /^([^\s,[\]]+)(.*)$/.exec(t);
  return m ? { value: m[1], rest: m[2] } : null;
}

export { unquote };
