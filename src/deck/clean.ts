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

/** Does the text hold a control character (C0, DEL or C1), tab and newline included? */
export function hasControl(text: string): boolean {
  return /[\u0000-\u001F\u007F-\u009F]/.test(text);
}

/** Everything a deck file goes through on its way in. */
export function cleanText(text: string): string {
  return neutraliseControls(normaliseNewlines(text));
}

let collator: Intl.Collator | undefined;

/**
 * Printable ASCII in the order that collator gives it (CLDR's root order,
 * letters without case): punctuation and symbols, digits, letters.
 * test/deck.test.ts checks it against the collator itself.
 */
const ASCII_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';
const WEIGHT = new Int8Array(128).fill(-1);
for (let i = 0; i < ASCII_ORDER.length; i++) {
  WEIGHT[ASCII_ORDER.charCodeAt(i)] = i;
  const upper = ASCII_ORDER[i].toUpperCase().charCodeAt(0);
  if (upper !== ASCII_ORDER.charCodeAt(i)) WEIGHT[upper] = i;
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The collator's order for printable ASCII: digit runs by value, letters without case. */
function asciiNaturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const si = i;
      const sj = j;
      while (i < a.length && isDigit(a.charCodeAt(i))) i++;
      while (j < b.length && isDigit(b.charCodeAt(j))) j++;
      const na = a.slice(si, i).replace(/^0+/, '');
      const nb = b.slice(sj, j).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length < nb.length ? -1 : 1;
      if (na !== nb) return na < nb ? -1 : 1;
      continue;
    }
    if (WEIGHT[ca] !== WEIGHT[cb]) return WEIGHT[ca] < WEIGHT[cb] ? -1 : 1;
    i++;
    j++;
  }
  const ra = a.length - i;
  const rb = b.length - j;
  return ra === rb ? 0 : ra < rb ? -1 : 1;
}

/** Natural order for file names: `2-x.md` before `10-x.md`, case-insensitive. */
export function naturalCompare(a: string, b: string): number {
  // Names in printable ASCII need no collator: ICU takes ~7 ms to make one.
  if (PRINTABLE_ASCII.test(a) && PRINTABLE_ASCII.test(b)) return asciiNaturalCompare(a, b);
  collator ??= new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}
