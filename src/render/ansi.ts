/** The one description of the styles (SGR sequences) the renderer writes: `ESC [ … m`. */
export const SGR_SOURCE = '\\u001b\\[[0-9;]*m';

/** Every SGR sequence in a string (a global expression: use it with replace or matchAll). */
export const SGR = new RegExp(SGR_SOURCE, 'g');

/** A line without its styles. */
export function stripSgr(s: string): string {
  return s.replace(SGR, '');
}
