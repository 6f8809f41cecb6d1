import type { Tokens } from 'marked';

/** What a list needs of marked's parser: block tokens to terminal text. */
export interface BlockParser {
  parse(tokens: unknown[], top?: boolean): string;
}

/**
 * A list drawn item by item: numbers count items from the list's start (a
 * nested list does not advance them), a task item shows one checkbox, `[ ]`
 * or `[x]`, in place of its bullet, and an item's further lines, nested lists
 * among them, sit under its text. The outermost list is indented two columns.
 */
export function renderList(token: Tokens.List, parser: BlockParser, nested: boolean, bullet = '•'): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  const out: string[] = [];
  token.items.forEach((item, i) => {
    const box = item.task ? (item.checked ? '[x]' : '[ ]') : '';
    const marker = token.ordered ? `${start + i}.${box ? ' ' + box : ''}` : box || bullet;
    // Each block of the item on lines of its own (marked's tight items put a
    // text token and a nested list side by side).
    const blocks = item.tokens
      .filter((t) => t.type !== 'checkbox')
      .map((t) => parser.parse([t], !!item.loose).replace(/^\n+/, '').trimEnd())
      .filter((b) => b !== '');
    const lines = blocks.join(item.loose ? '\n\n' : '\n').split('\n');
    const pad = ' '.repeat(marker.length + 1);
    lines.forEach((l, j) => out.push(j === 0 ? `${marker} ${l}` : l ? pad + l : ''));
  });
  const indent = nested ? '' : '  ';
  return out.map((l) => (l ? indent + l : l)).join('\n') + '\n\n';
}
