/** The Mermaid blocks of a slide's Markdown, each with the 0-based line of its first line of text. */
import { FenceTracker } from '../../deck/lines.js';
import { isMermaid } from './index.js';

export function mermaidBlocks(markdown: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const fence = new FenceTracker();
  let open: { lines: string[]; line: number } | null = null;
  markdown.split('\n').forEach((line, i) => {
    const wasInside = fence.inside;
    const code = fence.step(line);
    if (!wasInside && fence.inside) {
      open = isMermaid(fence.info.split(/\s/)[0]) ? { lines: [], line: i + 1 } : null;
    } else if (wasInside && !fence.inside) {
      if (open) out.push({ text: open.lines.join('\n'), line: open.line });
      open = null;
    } else if (code && open) open.lines.push(line);
  });
  return out;
}
