import type { Key } from 'ink';

/**
 * Ink's (input, key) pair → the key names used by the key table. Keys typed
 * faster than they are read (or pasted) arrive together: "12G" is three keys.
 */
export function keyNames(input: string, key: Key): string[] {
  const one = keyName(input, key);
  if (one) return [one];
  if (key.ctrl || key.meta || input.length < 2) return [];
  const names: string[] = [];
  for (const ch of input) {
    const name = CHUNK_KEYS[ch] ?? (ch >= ' ' ? ch : undefined);
    if (name) names.push(name);
  }
  return names;
}

const CHUNK_KEYS: Record<string, string> = {
  ' ': 'space',
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\u007f': 'backspace',
  '\b': 'backspace',
};

function keyName(input: string, key: Key): string | null {
  if (key.ctrl && input === 'c') return 'ctrl+c';
  if (key.rightArrow) return 'right';
  if (key.leftArrow) return 'left';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.pageDown) return 'pagedown';
  if (key.pageUp) return 'pageup';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.backspace || key.delete) return 'backspace';
  if (key.escape) return 'escape';
  if (key.tab) return 'tab';
  if (key.ctrl || key.meta) return null;
  if (input === ' ') return 'space';
  if (input.length === 1) return input;
  return null;
}
