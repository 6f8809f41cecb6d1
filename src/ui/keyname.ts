import type { Key } from 'ink';

/** Ink's (input, key) pair → the key names used by the key table. */
export function keyName(input: string, key: Key): string | null {
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
