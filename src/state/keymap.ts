/**
 * The key table in force: BINDINGS (src/state/keys.ts) with a key preset
 * (`--keys NAME`) applied, and the lookups the reducer makes in it
 * (`commandFor`, `isPrefix`). A preset adds the keys of another presenter:
 * each key it gives is taken from what it did before (in the modes it gives
 * it), and what it took moves to the keys the preset names.
 */
import { BINDINGS, inMode, keyLabel, type Audience, type Binding, type Command, type Group, type Mode } from './keys.js';

const SLIDES: readonly Mode[] = ['slides'];
const VIEWS: readonly Mode[] = ['slides', 'reading'];

/** The key presets: brief-present's own keys, or those of another presenter added to them. */
export type Preset = 'brief' | 'slides' | 'patat' | 'presenterm';
export const PRESETS: readonly Preset[] = ['brief', 'slides', 'patat', 'presenterm'];

/** Keys a preset gives a command, in the modes given (the two views when absent). */
export interface PresetKeys {
  command: Command;
  keys: string[];
  modes?: readonly Mode[];
  /** Help for a command brief-present has no key for. */
  help?: string;
  group?: Group;
  /** For a command brief-present has no key for: what the audience terminal does with it (see Binding). */
  audience?: Audience;
}

export interface PresetSpec {
  /** The presenter whose keys it adds. */
  from: string;
  keys: readonly PresetKeys[];
}

export const PRESET_SPECS: Record<Preset, PresetSpec> = {
  brief: { from: 'brief-present', keys: [] },
  slides: {
    from: 'maaslalani/slides',
    keys: [
      { command: 'next', keys: ['n'], modes: SLIDES },
      { command: 'prev', keys: ['p', 'N'], modes: SLIDES },
      { command: 'nextMatch', keys: ['ctrl+n'] },
      { command: 'prevMatch', keys: ['ctrl+p'] },
      { command: 'presenter', keys: ['P'], modes: SLIDES },
    ],
  },
  patat: {
    from: 'patat',
    keys: [
      { command: 'skipForward', keys: ['j', 'down'], modes: SLIDES, help: 'ten slides forward', group: 'Move', audience: 'ask' },
      { command: 'skipBack', keys: ['k', 'up'], modes: SLIDES, help: 'ten slides back', group: 'Move', audience: 'ask' },
      { command: 'first', keys: ['0'], modes: SLIDES },
      { command: 'reload', keys: ['r'], help: 'reload the deck from disk', group: 'General' },
      { command: 'reading', keys: ['R'] },
    ],
  },
  presenterm: {
    from: 'presenterm (its default keys)',
    keys: [
      { command: 'nextSlide', keys: ['n'], modes: SLIDES, help: 'next slide, past its steps', group: 'Move', audience: 'ask' },
      { command: 'prevSlide', keys: ['p'], modes: SLIDES, help: 'previous slide, at its first step', group: 'Move', audience: 'ask' },
      { command: 'nextMatch', keys: ['ctrl+n'] },
      { command: 'prevMatch', keys: ['ctrl+b'] },
      { command: 'presenter', keys: ['P'], modes: SLIDES },
      { command: 'index', keys: ['ctrl+p'] },
      { command: 'reload', keys: ['ctrl+r'], help: 'reload the deck from disk', group: 'General' },
    ],
  },
};

const derived = new Map<Preset, readonly Binding[]>();

/**
 * The key table with a preset applied: a key the preset gives is taken from
 * every binding that shares a mode with it; the preset's keys join the binding
 * of their command in those modes, or make a binding of their own.
 */
export function bindingsFor(preset: Preset = 'brief'): readonly Binding[] {
  const made = derived.get(preset);
  if (made) return made;
  const adds = PRESET_SPECS[preset].keys;
  const overlaps = (a: readonly Mode[], b: readonly Mode[]) => a.some((m) => b.includes(m));
  const table: Binding[] = BINDINGS.map((b) => {
    const modes = b.modes ?? VIEWS;
    const taken = new Set(adds.filter((a) => overlaps(a.modes ?? VIEWS, modes)).flatMap((a) => a.keys));
    const given = adds
      .filter((a) => a.command === b.command && !a.help && overlaps(a.modes ?? VIEWS, modes))
      .flatMap((a) => a.keys);
    if (!taken.size && !given.length) return b;
    return { ...b, keys: [...b.keys.filter((k) => !taken.has(k)), ...given] };
  });
  // A command of the preset's own goes after the last binding of its group in its modes.
  for (const a of adds) {
    if (!a.help) continue;
    const b: Binding = { command: a.command, keys: a.keys, help: a.help, group: a.group ?? 'General', modes: a.modes, audience: a.audience };
    const modes = a.modes ?? VIEWS;
    let at = table.length;
    for (let i = 0; i < table.length; i++) if (table[i].group === b.group && overlaps(table[i].modes ?? VIEWS, modes)) at = i + 1;
    table.splice(at, 0, b);
  }
  const result = table.filter((b) => b.keys.length > 0);
  derived.set(preset, result);
  return result;
}

/** What a preset changes, as help rows: its keys and what they do. */
export function presetRows(preset: Preset): { keys: string; help: string }[] {
  return PRESET_SPECS[preset].keys.map((a) => {
    const modes = a.modes ?? VIEWS;
    const help = a.help ?? BINDINGS.find((b) => b.command === a.command && (b.modes ?? VIEWS).some((m) => modes.includes(m)))!.help;
    return { keys: a.keys.map(keyLabel).join(' '), help };
  });
}

/** The binding of a key (or key sequence) in a mode, if any. */
function bindingOf(key: string, mode: Mode, preset: Preset): Binding | undefined {
  return bindingsFor(preset).find((b) => inMode(b, mode) && b.keys.includes(key));
}

/** The command a key (or key sequence) gives in a mode, if any. */
export function commandFor(key: string, mode: Mode, preset: Preset = 'brief'): Command | undefined {
  return bindingOf(key, mode, preset)?.command;
}

/** What the audience terminal does with a key's binding in a mode (see Binding.audience). */
export function audienceUse(key: string, mode: Mode, preset: Preset = 'brief'): Audience | undefined {
  return bindingOf(key, mode, preset)?.audience;
}

/** Is `keys` the start of a longer sequence in a view's table ("g" of "gg")? */
export function isPrefix(keys: string, mode: Mode, preset: Preset = 'brief'): boolean {
  return bindingsFor(preset).some(
    (b) => inMode(b, mode) && b.keys.some((k) => k.length > keys.length && k.startsWith(keys) && isPrintable(k)),
  );
}

/** A key that prints ("g", "0"), not a named one ("right", "ctrl+n"). */
function isPrintable(k: string): boolean {
  return keyLabel(k) === k;
}
