/** What an SGR parameter turns on, and the parameter that turns it off. */
function sgrSlot(code: number): [slot: string, close: number] | undefined {
  if (code === 1 || code === 2) return [`i${code}`, 22];
  if (code === 3) return ['i3', 23];
  if (code === 4 || code === 21) return ['i4', 24];
  if (code === 5 || code === 6) return ['i5', 25];
  if (code === 7) return ['i7', 27];
  if (code === 8) return ['i8', 28];
  if (code === 9) return ['i9', 29];
  if (code === 53) return ['i53', 55];
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return ['fg', 39];
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return ['bg', 49];
  return undefined;
}

const CLOSES: Record<number, string[]> = {
  22: ['i1', 'i2'],
  23: ['i3'],
  24: ['i4'],
  25: ['i5'],
  27: ['i7'],
  28: ['i8'],
  29: ['i9'],
  55: ['i53'],
  39: ['fg'],
  49: ['bg'],
};

/**
 * The styles in force at a point of a line, so that a wrapped row can close
 * them at its end and the next row open them again: every row stands alone.
 */
export class Styles {
  private open = new Map<string, { seq: string; close: number }>();

  apply(seq: string): void {
    const params = seq.slice(2, -1).split(';').map((p) => (p === '' ? 0 : Number(p)));
    for (let i = 0; i < params.length; i++) {
      const code = params[i];
      if (code === 0) {
        this.open.clear();
        continue;
      }
      const closes = CLOSES[code];
      if (closes) {
        for (const slot of closes) this.open.delete(slot);
        continue;
      }
      const slot = sgrSlot(code);
      let n = 1;
      if (code === 38 || code === 48) n = params[i + 1] === 5 ? 3 : params[i + 1] === 2 ? 5 : 1;
      const own = `\u001b[${params.slice(i, i + n).join(';')}m`;
      i += n - 1;
      if (slot) this.open.set(slot[0], { seq: own, close: slot[1] });
      else this.open.set(`x${code}`, { seq: own, close: 0 });
    }
  }

  opening(): string {
    let s = '';
    for (const { seq } of this.open.values()) s += seq;
    return s;
  }

  closing(): string {
    const codes = new Set<number>();
    for (const { close } of this.open.values()) codes.add(close);
    if (codes.has(0)) return '\u001b[0m';
    let s = '';
    for (const c of codes) s += `\u001b[${c}m`;
    return s;
  }
}
