/**
 * Text hygiene applied to every byte of deck text before anything else sees it.
 * After this, no string that came from a deck can drive a terminal.
 */

/** Strip a UTF-8 BOM and turn CRLF / lone CR into LF. */
export function normaliseNewlines(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  return t;
}

// C0 controls except TAB and LF, DEL, and the C1 range.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Replace control characters with visible stand-ins: C0 controls become their
 * Unicode "control picture" (ESC → ␛, BEL → ␇), DEL becomes ␡ and C1 controls
 * become the replacement character. Tabs and newlines stay.
 */
export function neutraliseControls(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\uFFFD';
  });
}

/** Everything a deck file goes through on its way in. */
export function cleanText(text: string): string {
  return neutraliseControls(normaliseNewlines(text));
}

let collator: Intl.Collator | undefined;

/** Natural order for file names: `2-x.md` before `10-x.md`, case-insensitive. */
export function naturalCompare(a: string, b: string): number {
  // Made on first use: a one-file deck never sorts, and start-up is shorter.
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}
