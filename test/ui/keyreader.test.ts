// Bytes as terminals send them → the key table's names (src/ui/keyreader.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { KeyReader } from '../../src/ui/keyreader.js';

/** Feed one chunk to a reader; resolve with the names of the first report that comes. */
function read(chunk: string): Promise<string[]> {
  const stdin = new PassThrough();
  return new Promise((resolve) => {
    const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (names) => {
      reader.stop();
      resolve(names);
    });
    reader.start();
    stdin.write(chunk);
  });
}

// One chunk each: letters, digits, a pasted run, Enter (CR and LF), Backspace
// (DEL and BS), Tab and Shift-Tab, Ctrl-C alone and inside a paste, arrows in
// CSI and SS3 form, paging, Home/End in their xterm, VT, rxvt and SS3 forms,
// Delete, Ctrl-arrow, non-ASCII letters, CJK and an emoji.
const TABLE: [string, string[]][] = [
  ['l', ['l']], ['h', ['h']], ['G', ['G']], ['q', ['q']], ['?', ['?']], ['/', ['/']], [' ', ['space']],
  ['J', ['J']], ['3', ['3']], ['12G', ['1', '2', 'G']], ['abc', ['a', 'b', 'c']],
  ['\r', ['enter']], ['\n', ['enter']], ['\u007f', ['backspace']], ['\b', ['backspace']],
  ['\t', ['tab']], ['\u001b[Z', ['tab']], ['\u0003', ['ctrl+c']], ['x\u0003y', ['x', 'ctrl+c', 'y']],
  ['\u001b[A', ['up']], ['\u001b[B', ['down']], ['\u001b[C', ['right']], ['\u001b[D', ['left']],
  ['\u001bOA', ['up']], ['\u001bOC', ['right']], ['\u001b[5~', ['pageup']], ['\u001b[6~', ['pagedown']],
  ['\u001b[H', ['home']], ['\u001b[F', ['end']], ['\u001b[1~', ['home']], ['\u001b[4~', ['end']],
  ['\u001bOH', ['home']], ['\u001bOF', ['end']], ['\u001b[7~', ['home']], ['\u001b[8~', ['end']],
  ['\u001b[3~', ['backspace']], ['\u001b[1;5C', ['right']], ['é', ['é']], ['中', ['中']], ['\u{1F600}', ['\u{1F600}']],
  ['l\u001b[Bq', ['l', 'down', 'q']],
  // Ctrl with a letter, for the key presets; Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M stay Backspace, Tab and Enter.
  // (each followed by a key named before, so that a reader without the names still reports)
  ['\u000el', ['ctrl+n', 'l']], ['\u0010l', ['ctrl+p', 'l']], ['\u0012l', ['ctrl+r', 'l']], ['\u0002l', ['ctrl+b', 'l']],
  ['\u0001l', ['ctrl+a', 'l']], ['\u001al', ['ctrl+z', 'l']], ['n\u000eN', ['n', 'ctrl+n', 'N']], ['\u0008\u0009\u000a\u000d', ['backspace', 'tab', 'enter', 'enter']],
];

test('every key a terminal sends is named as the key table names it', async () => {
  for (const [chunk, names] of TABLE) assert.deepEqual(await read(chunk), names, `chunk ${JSON.stringify(chunk)}`);
});

test('keys with no name in the table (Alt-letter, Insert, F5) are not reported', async () => {
  // Each is followed by a key that is, so that the report comes.
  for (const chunk of ['\u001bb', '\u001b[2~', '\u001b[15~']) assert.deepEqual(await read(chunk + 'l'), ['l'], JSON.stringify(chunk));
});

test('a lone Esc is a key; one followed by the rest of a sequence is not', async () => {
  assert.deepEqual(await read('\u001b'), ['escape']);
  const stdin = new PassThrough();
  const names = await new Promise<string[]>((resolve) => {
    const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (n) => {
      reader.stop();
      resolve(n);
    });
    reader.start();
    stdin.write('\u001b');
    stdin.write('[B');
  });
  assert.deepEqual(names, ['down']);
});

test('a stopped reader reports nothing more', async () => {
  const stdin = new PassThrough();
  const names: string[] = [];
  const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (n) => names.push(...n));
  reader.start();
  stdin.write('l');
  await new Promise((r) => setImmediate(r));
  reader.stop();
  stdin.write('m');
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(names, ['l']);
});

test("the terminal's replies to queries are never keys, whole or split across reads", async () => {
  const osc = '\u001b]11;rgb:ffff/ffff/ffff';
  const sizes = ['\u001b[6;20;10tl', '\u001b[4;480;800tl', '\u001b[8;24;80tl'];
  for (const chunk of [`${osc}\u0007l`, `${osc}\u001b\\l`, '\u001b[?62;22cl', '\u001b_Gi=1;OK\u001b\\l', `j${osc}\u0007\u001b[?1;2cl`, ...sizes]) {
    const want = chunk.startsWith('j') ? ['j', 'l'] : ['l'];
    assert.deepEqual(await read(chunk), want, JSON.stringify(chunk));
  }
  const stdin = new PassThrough();
  const names = await new Promise<string[]>((resolve) => {
    const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (n) => {
      reader.stop();
      resolve(n);
    });
    reader.start();
    stdin.write('\u001b]11;rgb:00');
    setImmediate(() => stdin.write('00/0000/0000\u001b'));
    setTimeout(() => stdin.write('\\3'), 5);
  });
  assert.deepEqual(names, ['3']);
  // A late cell size reply (CSI 16 t), cut in two, is no key either; Ctrl-PageDown, which starts alike, is one.
  const late = new PassThrough();
  const got = await new Promise<string[]>((resolve) => {
    const seen: string[] = [];
    const reader = new KeyReader(late as unknown as NodeJS.ReadStream, (n) => {
      seen.push(...n);
      if (seen.includes('q')) {
        reader.stop();
        resolve(seen);
      }
    });
    reader.start();
    late.write('\u001b[6;2');
    setImmediate(() => late.write('0;10t'));
    setTimeout(() => late.write('\u001b[6;5~\u001b[6;20;10tq'), 5);
  });
  assert.deepEqual(got, ['pagedown', 'q']);
});
