import { DIALECTS } from '../deck/dialects/index.js';
import { IMAGE_PROTOCOLS } from '../render/images/detect.js';
import { helpText } from '../state/keyhelp.js';
import { PRESET_SPECS, PRESETS, presetRows } from '../state/keymap.js';

/** What the command line asks for. Subcommands come first: `brief-present export DECK`. */
export type CommandName = 'present' | 'rehearse' | 'read' | 'export' | 'check' | 'init' | 'draft';

export interface CliOptions {
  command: CommandName;
  deck?: string;
  help: boolean;
  version: boolean;
  json: boolean;
  /** Option values by long name, for options that take one (`--format html`). */
  values: Record<string, string>;
  /** Flags given, by long name (`--force`). */
  flags: Set<string>;
}

/** A command line that cannot be understood: exit 2 with this one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  long: string;
  short?: string;
  /** Name of the value it takes, for help ("FORMAT"); absent for a flag. */
  value?: string;
  /** Allowed values, when fixed. */
  choices?: readonly string[];
  /** Commands it applies to (all when absent). */
  commands?: readonly CommandName[];
  help: string;
}

/** Every option, in help order. Add a row here and it is parsed, checked and documented. */
export const OPTIONS: readonly OptionSpec[] = [
  {
    long: 'json',
    help: 'print the parsed deck (sections, slides, notes) as JSON and exit; with check: the findings',
    commands: ['present', 'check'],
  },
  {
    long: 'dialect',
    value: 'NAME',
    choices: DIALECTS,
    help: `read DECK as written for NAME (default: recognised): ${DIALECTS.join(', ')}`,
  },
  { long: 'size', value: 'COLSxROWS', commands: ['check'], help: 'check: the terminal size to check at (default 80x24)' },
  {
    long: 'require-notes',
    commands: ['check'],
    help: 'check: report slides without speaker notes even when no slide has any',
  },
  { long: 'no-pauses', help: 'show whole slides, ignoring <!-- pause -->', commands: ['present', 'rehearse', 'read'] },
  {
    long: 'presenter',
    help: 'the presenter view (notes, next slide, timer); drives the audience terminal',
    commands: ['present', 'rehearse'],
  },
  {
    long: 'keys',
    value: 'NAME',
    choices: PRESETS,
    help: `keys of another presenter besides these (default brief): ${PRESETS.join(', ')}`,
    commands: ['present', 'rehearse', 'read'],
  },
  {
    long: 'theme',
    value: 'NAME',
    help: 'colours: dark, light, high-contrast or a theme file (default: the deck\'s theme:, else the terminal\'s background)',
    commands: ['present', 'rehearse', 'read'],
  },
  {
    long: 'image-protocol',
    value: 'NAME',
    choices: IMAGE_PROTOCOLS,
    help: `how pictures are drawn (default auto: from the terminal): ${IMAGE_PROTOCOLS.join(', ')}`,
    commands: ['present', 'rehearse', 'read'],
  },
  { long: 'no-hints', help: 'no "? help" hint on the first slide', commands: ['present', 'rehearse', 'read'] },
  {
    long: 'watch',
    help: 'reload when the deck changes on disk, staying on the slide (w toggles)',
    commands: ['present', 'rehearse', 'read'],
  },
  {
    long: 'notes',
    help: 'the same as --presenter',
    commands: ['present', 'rehearse'],
  },
  {
    long: 'takeover',
    help: 'a presenter: take over from the presenter already on the channel',
    commands: ['present', 'rehearse'],
  },
  {
    long: 'audience',
    help: 'the audience terminal: keys that would show the notes do nothing',
    commands: ['present'],
  },
  {
    long: 'follow',
    help: 'follow the presenter on this screen, at its own size: read-only, no notes (needs the same deck)',
    commands: ['present'],
  },
  {
    long: 'socket',
    value: 'PATH',
    help: 'the link\'s socket, on both sides (e.g. one forwarded by ssh -L, to follow from another machine)',
    commands: ['present', 'rehearse'],
  },
  {
    long: 'channel',
    value: 'NAME',
    help: 'where a presenter and its audience terminal meet (default: the deck)',
    commands: ['present', 'rehearse'],
  },
  {
    long: 'timings',
    value: 'FILE',
    commands: ['present', 'rehearse', 'check'],
    help: 'rehearsal timings: rehearse writes them (default DECK.timings.json), the presenter view shows them, check flags sections over budget',
  },
  {
    long: 'format',
    value: 'FORMAT',
    choices: ['md', 'txt', 'html', 'pdf'],
    commands: ['export'],
    help: 'export: md, txt, html or pdf (default: from -o FILE, else md; pdf needs Chromium, Chrome or Edge)',
  },
  {
    long: 'output',
    short: 'o',
    value: 'FILE',
    commands: ['export', 'draft'],
    help: 'export: write to FILE, not standard output; draft: the new deck folder (default ARTICLE-draft)',
  },
  { long: 'force', commands: ['export'], help: 'export: overwrite FILE if it exists' },
  { long: 'width', value: 'N', commands: ['export'], help: 'export: wrap txt at N columns (20-400, default 80)' },
  { long: 'no-notes', commands: ['export'], help: 'export: leave out the speaker notes' },
  { long: 'help', short: 'h', help: 'show this help and exit' },
  { long: 'version', short: 'v', help: 'show the version and exit' },
];

/** Subcommands that exist now; a later one is added here with its help line. */
export const COMMANDS: Partial<Record<CommandName, string>> = {
  rehearse: 'rehearse [DECK]          present, timing every slide; then time per section against its budget',
  read: 'read [DECK]              read the whole deck as one document, notes included',
  export: 'export [DECK] [-o FILE]  write a handout of every slide and its notes (md, txt, html, pdf)',
  check: 'check [DECK]             report slides that overflow, empty slides, missing notes, odd comments',
  init: 'init [FOLDER]            write a starter deck that shows the format (default: ./briefing)',
  draft: 'draft ARTICLE [-o FOLDER]  a draft deck from an article (text, Markdown or a saved web page)',
};

function findOption(name: string): OptionSpec | undefined {
  return OPTIONS.find((o) => o.long === name || o.short === name);
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { command: 'present', help: false, version: false, json: false, values: {}, flags: new Set() };
  const given: OptionSpec[] = [];
  let positionalOnly = false;
  let sawPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!positionalOnly && arg === '--') {
      positionalOnly = true;
      continue;
    }
    if (!positionalOnly && arg.startsWith('-') && arg !== '-') {
      const m = /^--?([^=]+)(?:=(.*))?$/.exec(arg)!;
      const spec = arg.startsWith('--') ? OPTIONS.find((o) => o.long === m[1]) : findShort(m[1]);
      if (!spec) throw new UsageError(`unknown option ${arg} (see brief-present --help)`);
      if (spec.value) {
        let value = m[2];
        if (value === undefined) {
          value = argv[++i];
          if (value === undefined) throw new UsageError(`option --${spec.long} needs a ${spec.value}`);
        }
        if (spec.choices && !spec.choices.includes(value)) {
          throw new UsageError(`option --${spec.long} takes ${spec.choices.join(', ')}, not ${JSON.stringify(value)}`);
        }
        opts.values[spec.long] = value;
      } else {
        if (m[2] !== undefined) throw new UsageError(`option --${spec.long} takes no value`);
        opts.flags.add(spec.long);
      }
      given.push(spec);
      continue;
    }
    if (!sawPositional && !positionalOnly && Object.hasOwn(COMMANDS, arg)) {
      opts.command = arg as CommandName;
      sawPositional = true;
      continue;
    }
    sawPositional = true;
    if (opts.deck !== undefined) throw new UsageError(`one deck at a time: got ${opts.deck} and ${arg}`);
    opts.deck = arg;
  }
  opts.help = opts.flags.has('help');
  opts.version = opts.flags.has('version');
  opts.json = opts.flags.has('json');
  if (!opts.help && !opts.version) {
    for (const spec of given) {
      if (spec.commands && !spec.commands.includes(opts.command)) {
        const where = opts.command === 'present' ? 'when presenting' : `with ${opts.command}`;
        throw new UsageError(`option --${spec.long} does not apply ${where} (see brief-present --help)`);
      }
    }
  }
  return opts;
}

function findShort(name: string): OptionSpec | undefined {
  return name.length === 1 ? findOption(name) : undefined;
}

function optionLines(): string[] {
  const label = (o: OptionSpec) => `${o.short ? `-${o.short}, ` : '    '}--${o.long}${o.value ? ` ${o.value}` : ''}`;
  const w = Math.max(...OPTIONS.map((o) => label(o).length));
  return OPTIONS.map((o) => `  ${label(o).padEnd(w)}  ${o.help}`);
}

/** What each key preset changes, from the presets' own table. */
export function presetLines(): string[] {
  const lines: string[] = [];
  for (const p of PRESETS) {
    const rows = presetRows(p);
    lines.push(rows.length ? `  ${p}: as ${PRESET_SPECS[p].from}, with these keys` : `  ${p} (default): the keys above`);
    const w = Math.max(0, ...rows.map((r) => r.keys.length));
    lines.push(...rows.map((r) => `    ${r.keys.padEnd(w)}  ${r.help}`));
  }
  return lines;
}

/** The key tables `--help` prints, one per mode, from the key table. */
const KEY_SECTIONS = [
  ['Keys while presenting:', 'slides'],
  ['Keys in the reading view (r):', 'reading'],
  ['Keys in the section menu (s):', 'menu'],
  ['Keys in the slide index (i):', 'index'],
  ['Keys in the search prompt (/):', 'prompt'],
] as const;

export function usage(version: string): string {
  // Every usage line with its description in one column.
  const lines: [string, string][] = [
    ['[DECK]', 'present DECK (the bundled briefing when omitted)'],
    ['- < DECK.md', 'read the deck from standard input, keys from the terminal'],
    ['DECK > out.txt', 'not a terminal: print every slide and its notes as text'],
    ...Object.values(COMMANDS).map((line): [string, string] => {
      const m = /^(\S.*?)\s{2,}(.*)$/.exec(line ?? '');
      return m ? [m[1], m[2]] : [line ?? '', ''];
    }),
  ];
  const w = Math.max(...lines.map(([u]) => u.length));
  return [
    `brief-present ${version} — present a Markdown briefing in the terminal`,
    '',
    'Usage:',
    ...lines.map(([u, d]) => `  brief-present ${u.padEnd(w)}  ${d}`),
    '',
    'DECK is a Markdown file, or a folder of .md files read in natural order',
    '(2-x.md before 10-x.md), each file a section. A deck piped in with no DECK',
    'named is read from standard input too: cat talk.md | brief-present',
    '',
    'Options:',
    ...optionLines(),
    '',
    ...KEY_SECTIONS.flatMap(([title, mode]) => [title, ...helpText('  ', mode), '']),
    'Key presets (--keys NAME):',
    ...presetLines(),
    '',
    'Deck format:',
    '  ---                     on its own line after a blank line: next slide',
    '  <!-- end_slide -->      next slide (a deck using it draws a lone --- as a rule)',
    '  # Heading               a level-1 heading starts a section (one-file decks)',
    '  <!-- section: Name -->  starts a section by name',
    '  <!-- notes: ... -->     speaker notes; so is any other comment that is not',
    '                          a directive, and a line starting Note: or Notes:',
    '                          (notes from there to the end of the slide)',
    '  <!-- pause -->          reveal the slide up to here first, the rest on next',
    '  <!-- backup -->         the slides after it are backup slides (<n>B goes there);',
    '                          in a folder deck, front matter backup: true',
    '  front matter (YAML)     title, subtitle, author, date, classification',
    '',
    'Environment: NO_COLOR turns colour off; FORCE_COLOR turns it on for piped output.',
    'Exit status: 0 done, 1 unexpected error, 2 bad arguments or unreadable deck.',
  ].join('\n');
}
