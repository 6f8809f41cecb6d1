// The slides view reads keys without Ink (src/ui/rawkeys.ts): the same bytes
// must give the same key names as Ink's useInput gives the Ink views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import React from 'react';
import { Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { keyNames } from '../src/ui/keyname.js';
import { KeyReader } from '../src/ui/rawkeys.js';

// One chunk each, as a terminal sends them: letters, digits, a pasted run,
// arrows (CSI and SS3), paging, Home/End in their forms, Enter, Backspace,
// Tab, Shift-Tab, Ctrl-C, Alt-letter, non-ASCII, kitty-protocol keys.
const CHUNKS = [
  'l', 'h', 'G', 'g', 'q', '?', '/', ' ', 'J', 'K', '3', '12G', 'abc',
  '\r', '\n', '\u007f', '\b', '\t', '\u001b[Z', '\u0003',
  '\u001b[A', '\u001b[B', '\u001b[C', '\u001b[D', '\u001bOA', '\u001bOC',
  '\u001b[5~', '\u001b[6~', '\u001b[H', '\u001b[F', '\u001b[1~', '\u001b[4~', '\u001bOH', '\u001bOF',
  '\u001b[3~', '\u001bb', '\u001b[1;5C', 'é', '中', '\u{1F600}',
  '\u001b[97u', '\u001b[99;5u', '\u001b[13u',
];

function Recorder(props: { names: string[] }) {
  useInput((input, key) => {
    props.names.push(...keyNames(input, key));
  });
  return <Text>keys</Text>;
}

test('the raw key reader names every key as Ink does', async () => {
  const all: string[] = [];
  for (const chunk of CHUNKS) {
    const viaInk: string[] = [];
    const app = render(<Recorder names={viaInk} />);
    await tick();
    app.stdin.write(chunk);
    await tick();
    await tick();
    app.unmount();

    const viaReader: string[] = [];
    const stdin = new PassThrough();
    const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (names) => viaReader.push(...names));
    reader.start();
    stdin.write(chunk);
    await tick();
    await tick();
    reader.stop();
    assert.deepEqual(viaReader, viaInk, `chunk ${JSON.stringify(chunk)}`);
    all.push(...viaInk);
  }
  // The keys the presenter knows came through, named.
  for (const name of ['l', 'G', 'space', 'enter', 'backspace', 'tab', 'ctrl+c', 'up', 'right', 'pageup', 'pagedown', 'home', 'end', 'a', 'é']) {
    assert.ok(all.includes(name), `${name} in ${all.join(' ')}`);
  }
});

test('a lone ESC is a key; one followed by the rest of a sequence is not', async () => {
  const names: string[] = [];
  const stdin = new PassThrough();
  const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (n) => names.push(...n));
  reader.start();
  stdin.write('\u001b');
  await tick();
  await tick();
  stdin.write('\u001b');
  stdin.write('[B');
  await tick();
  await tick();
  reader.stop();
  assert.deepEqual(names, ['escape', 'down']);
});

test('stopping the reader leaves what it has not read for the next reader', async () => {
  const names: string[] = [];
  const stdin = new PassThrough();
  const reader = new KeyReader(stdin as unknown as NodeJS.ReadStream, (n) => names.push(...n));
  reader.start();
  stdin.write('l');
  await tick();
  reader.stop();
  stdin.write('m');
  await tick();
  assert.deepEqual(names, ['l']);
  stdin.setEncoding('utf8');
  assert.equal(stdin.read(), 'm');
});

